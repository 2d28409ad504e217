// A timestamp as "3 min ago" with the exact UTC time on hover, or a dash when there is none.
const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second')
      return relative.format(Math.round(seconds / size), unit);
  }
  return iso;
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function TimeText({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (value === null || value === undefined) return <span className="muted">{empty}</span>;
  return (
    <time dateTime={value} title={new Date(value).toISOString()}>
      {formatRelative(value)}
    </time>
  );
}
