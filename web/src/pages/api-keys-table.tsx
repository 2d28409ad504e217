// The API keys table of the API keys page, a user and a team: status in words (why a key is blocked), owner, team
// binding, last use, and revoke behind a confirmation. Owner and team names come with the keys (no lookup per row).
import { Link } from 'react-router';
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { TimeText } from '../components/time-text';
import { ApiKeyStatusBadge } from './api-key-status-badge';

export type ApiKey = ItemOf<'/api-keys'>;

/** The key's team; null once the team is deleted. */
function TeamLink({ team }: { team: ApiKey['team'] }) {
  if (team === null) return <span className="muted">Deleted team</span>;
  return <Link to={`/teams/${encodeURIComponent(team.id)}`}>{team.displayName}</Link>;
}

function Owner({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.ownerType === 'user' && apiKey.userId !== null) {
    const { user } = apiKey;
    if (user === null) return <span className="muted">Deleted user</span>;
    return (
      <>
        <Link to={`/users/${encodeURIComponent(user.id)}`}>{user.displayName ?? user.userName}</Link>
        {!user.active && <div className="muted small">Deactivated</div>}
      </>
    );
  }
  if (apiKey.ownerType === 'team' && apiKey.teamId !== null) {
    return (
      <>
        <TeamLink team={apiKey.team} />
        <div className="muted small">Team key</div>
      </>
    );
  }
  return <span className="muted">—</span>;
}

/** Which teams a key verifies as: a team key its team, a user key the team it is bound to or all the user's. */
function Binding({ apiKey }: { apiKey: ApiKey }) {
  if (apiKey.ownerType === 'team') return <span className="muted">—</span>;
  if (apiKey.teamId === null) {
    return (
      <span className="muted" title="The key verifies as the user and every team the user belongs to">
        All teams
      </span>
    );
  }
  return <TeamLink team={apiKey.team} />;
}

export function ApiKeysTable({
  keys,
  showOwner = true,
  caption,
}: {
  keys: readonly ApiKey[];
  showOwner?: boolean;
  caption: string;
}) {
  const revoke = useApiMutation(
    (id: string) => unwrap(api.DELETE('/api-keys/{id}', { params: { path: { id } } })),
    [['api-keys'], ['events']],
  );
  return (
    <>
      <ErrorBanner error={revoke.error} title="Revoking the key failed" />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Status</th>
              {showOwner && <th scope="col">Owner</th>}
              <th scope="col">Team</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>
                  <div className="api-key-name">{key.name}</div>
                  <div className="small muted">
                    <span className="mono">{key.displayPrefix}…</span> · created{' '}
                    <TimeText value={key.createdAt} />
                  </div>
                  {key.expiresAt !== null && (
                    <div className="small muted">
                      {key.status === 'expired' ? 'Expired' : 'Expires'} <TimeText value={key.expiresAt} />
                    </div>
                  )}
                </td>
                <td>
                  <ApiKeyStatusBadge apiKey={key} />
                </td>
                {showOwner && (
                  <td className="nowrap">
                    <Owner apiKey={key} />
                  </td>
                )}
                <td className="nowrap">
                  <Binding apiKey={key} />
                </td>
                <td className="nowrap">
                  <TimeText value={key.lastUsedAt} empty="Never" />
                </td>
                {/* Not nowrap: the confirmation dialog inside inherits the cell's white-space. */}
                <td className="api-key-actions">
                  {key.status !== 'revoked' && (
                    <ConfirmButton
                      label="Revoke"
                      title={`Revoke the API key “${key.name}”?`}
                      confirmLabel="Revoke key"
                      // The banner above shows a failure; the dialog only needs to know it is done.
                      onConfirm={() => revoke.mutateAsync(key.id).catch(() => undefined)}
                    >
                      <p>
                        Every request with this key is refused from now on. Revoking is permanent: the key
                        cannot be restored, not even by the identity provider.
                      </p>
                    </ConfirmButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
