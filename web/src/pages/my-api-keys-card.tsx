// My API keys: the keys of the person signed in, each bound to one of their teams. They revoke their own keys at any
// time; creating one needs the organization's permission (Settings › SSO), which admins always have.
import { unwrap } from '../api/api-error';
import { api, type ResponseOf } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/use-api-query';
import { ConfirmButton } from '../components/confirm-button';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { TimeText } from '../components/time-text';
import { ApiKeyStatusBadge } from './api-key-status-badge';
import { MyApiKeyForm } from './my-api-key-form';

type Me = ResponseOf<'/me', 'get'>;
type MyApiKey = ResponseOf<'/me/api-keys', 'get'>['items'][number];

function MyApiKeysTable({ keys }: { keys: readonly MyApiKey[] }) {
  const revoke = useApiMutation(
    (id: string) => unwrap(api.DELETE('/me/api-keys/{id}', { params: { path: { id } } })),
    [['me', 'api-keys']],
  );
  return (
    <>
      <ErrorBanner error={revoke.error} title="Revoking the key failed" />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">My API keys</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Status</th>
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
                <td className="nowrap">
                  {key.teamId === null ? (
                    <span className="muted">All your teams</span>
                  ) : (
                    (key.team?.displayName ?? <span className="muted">Deleted team</span>)
                  )}
                </td>
                <td className="nowrap">
                  <TimeText value={key.lastUsedAt} empty="Never" />
                </td>
                {/* Not nowrap: the confirmation dialog inside inherits the cell's white-space. */}
                <td className="api-key-actions">
                  {key.status !== 'revoked' && (
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke ${key.name}`}
                      title={`Revoke the API key “${key.name}”?`}
                      confirmLabel="Revoke key"
                      // The banner above shows a failure; the dialog only needs to know it is done.
                      onConfirm={() => revoke.mutateAsync(key.id).catch(() => undefined)}
                    >
                      <p>Every request with this key is refused from now on. Revoking is permanent.</p>
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

export function MyApiKeysCard({ me }: { me: Me }) {
  const query = useApiQuery(['me', 'api-keys'], () => unwrap(api.GET('/me/api-keys')));
  const keys = query.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="me-api-keys-title">
      <div className="card-header">
        <h2 id="me-api-keys-title">My API keys</h2>
      </div>
      <ErrorBanner error={query.error} title="Loading your API keys failed" />
      {query.isPending && <Loading label="Loading your API keys…" />}
      {query.data !== undefined && keys.length === 0 && (
        <EmptyState title="No API keys yet">
          A key lets you call the apps behind your organization’s gateway as yourself. It stops working when
          your identity provider deprovisions you or removes you from its team.
        </EmptyState>
      )}
      {keys.length > 0 && <MyApiKeysTable keys={keys} />}
      <h3 className="create-api-key-title">Create an API key</h3>
      {me.memberApiKeys ? (
        <MyApiKeyForm teams={me.teams} active={me.user.active} />
      ) : (
        <p className="muted">
          Your organization does not let members create their own API keys. Ask an admin for one, or to allow
          it in Settings › SSO.
        </p>
      )}
    </section>
  );
}
