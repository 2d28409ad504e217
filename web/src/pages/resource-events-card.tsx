// The latest changes to one user or team, newest first, from the event feed.
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { formatDateTime, TimeText } from '../components/time-text';

type EventType = ItemOf<'/events'>['type'];

const RECENT_EVENTS = 20;

const EVENT_WORDS: Record<EventType, string> = {
  'user.created': 'User created',
  'user.updated': 'User updated',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'user.deleted': 'User deleted',
  'team.created': 'Team created',
  'team.updated': 'Team updated',
  'team.deleted': 'Team deleted',
  'team.member_added': 'Member added',
  'team.member_removed': 'Member removed',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'api_key.blocked': 'API key blocked',
  'api_key.unblocked': 'API key unblocked',
  'scim_token.created': 'SCIM token created',
  'scim_token.revoked': 'SCIM token revoked',
};

export function ResourceEventsCard({ resourceId }: { resourceId: string }) {
  const query = useApiQuery(['events', 'resource', resourceId], () =>
    unwrap(api.GET('/events', { params: { query: { resourceId, order: 'desc', limit: RECENT_EVENTS } } })),
  );
  const events = query.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="recent-events-title">
      <div className="card-header">
        <h2 id="recent-events-title">Recent events</h2>
        <span className="muted small">Latest {RECENT_EVENTS}, newest first</span>
      </div>
      <ErrorBanner error={query.error} title="Loading events failed" />
      {query.isPending && <Loading label="Loading events…" />}
      {query.data !== undefined && events.length === 0 && <EmptyState title="No events yet" />}
      {events.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Recent events</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    {EVENT_WORDS[event.type]} <code className="muted small">{event.type}</code>
                  </td>
                  <td className="nowrap">
                    <TimeText value={event.occurredAt} />
                    <div className="muted small">{formatDateTime(event.occurredAt)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
