// When a SCIM request arrived, to the second (requests of one sync come seconds apart), with the relative time on hover.
// The date and the time are two lines, so the log's first column stays narrow on a phone.
import { formatRelative } from '../components/time-text';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function ProvisioningLogTime({ at, stacked = false }: { at: string; stacked?: boolean }) {
  const date = new Date(at);
  return (
    <time dateTime={at} title={`${formatRelative(at)} · ${date.toISOString()}`} className="log-time">
      <span className={stacked ? 'log-time-date' : undefined}>{dateFormat.format(date)}</span>
      {stacked ? ' ' : ', '}
      <span>{timeFormat.format(date)}</span>
    </time>
  );
}
