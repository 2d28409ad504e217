// The organization's SCIM tokens: which identity provider last used one, when it expires, and revoking it. Revoked
// tokens sit in their own table below, so the ones still in use stand out.
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { Badge } from '../components/badge';
import { ConfirmButton } from '../components/confirm-button';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { formatDateTime, TimeText } from '../components/time-text';

type ScimToken = ItemOf<'/scim-tokens'>;
type Status = 'active' | 'expired' | 'revoked';

function statusOf(token: ScimToken, now: number): Status {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const STATUS_TONE = { active: 'success', expired: 'warning', revoked: 'neutral' } as const;

function TokenTable({
  tokens,
  caption,
  now,
  onRevoke,
}: {
  tokens: readonly ScimToken[];
  caption: string;
  now: number;
  onRevoke: ((token: ScimToken) => Promise<unknown>) | null;
}) {
  return (
    <div className="table-wrap">
      <table className={onRevoke === null ? 'scim-revoked' : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">{onRevoke === null ? 'Revoked' : 'Expires'}</th>
            <th scope="col">Status</th>
            {onRevoke !== null && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const status = statusOf(token, now);
            return (
              <tr key={token.id}>
                <td>
                  <strong>{token.name}</strong>
                  <div className="muted small mono" title="First characters of the token">
                    {token.displayPrefix}…
                  </div>
                </td>
                <td className="nowrap">
                  <TimeText value={token.createdAt} />
                </td>
                <td className="nowrap">
                  <TimeText value={token.lastUsedAt} empty="never" />
                </td>
                <td className="nowrap">
                  {onRevoke === null ? (
                    <TimeText value={token.revokedAt} />
                  ) : token.expiresAt === null ? (
                    <span className="muted">never</span>
                  ) : (
                    <time dateTime={token.expiresAt}>{formatDateTime(token.expiresAt)}</time>
                  )}
                </td>
                <td>
                  <Badge tone={STATUS_TONE[status]}>{status}</Badge>
                </td>
                {onRevoke !== null && (
                  <td className="nowrap">
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke ${token.name}`}
                      title={`Revoke token ${token.name}?`}
                      onConfirm={() => onRevoke(token)}
                    >
                      <p>The identity provider’s next request with it gets 401.</p>
                    </ConfirmButton>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ScimSettingsTokenList({ tokens }: { tokens: readonly ScimToken[] }) {
  const revoke = useApiMutation(
    (id: string) => unwrap(api.DELETE('/scim-tokens/{id}', { params: { path: { id } } })),
    [['scim-tokens']],
  );
  const now = Date.now();
  const current = tokens.filter((token) => token.revokedAt === null);
  const revoked = tokens.filter((token) => token.revokedAt !== null);
  // The dialog closes either way; a failed revoke shows in the banner above the table.
  const onRevoke = (token: ScimToken) => revoke.mutateAsync(token.id).catch(() => undefined);

  return (
    <section className="card" aria-labelledby="scim-tokens-title">
      <div className="card-header">
        <h2 id="scim-tokens-title">SCIM tokens</h2>
      </div>
      <ErrorBanner error={revoke.error} title="The token was not revoked" />
      {current.length === 0 ? (
        <EmptyState
          title={revoked.length === 0 ? 'Nothing provisions this organization yet' : 'No token in use'}
        >
          {revoked.length === 0 ? 'No SCIM tokens yet' : 'Every SCIM token is revoked'} — create one above and
          paste it into your identity provider with the tenant URL.
        </EmptyState>
      ) : (
        <TokenTable tokens={current} caption="SCIM tokens in use" now={now} onRevoke={onRevoke} />
      )}
      {revoked.length > 0 && (
        <>
          <h3 className="scim-revoked-title">Revoked</h3>
          <TokenTable tokens={revoked} caption="Revoked SCIM tokens" now={now} onRevoke={null} />
        </>
      )}
    </section>
  );
}
