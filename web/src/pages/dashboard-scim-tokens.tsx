// "Last SCIM request per token": whether each identity provider is still syncing, and how its last request went.
import { Link } from 'react-router';
import type { ResponseOf } from '../api/client';
import { Badge } from '../components/badge';
import { TimeText } from '../components/time-text';
import { ProvisioningLogStatusBadge } from './provisioning-log-status-badge';

type ScimTokenRow = ResponseOf<'/dashboard', 'get'>['scimTokens'][number];

export function DashboardScimTokens({ tokens }: { tokens: readonly ScimTokenRow[] }) {
  return (
    <section className="card" aria-labelledby="tokens-title">
      <div className="card-header">
        <h2 id="tokens-title">Last SCIM request per token</h2>
        <Link to="/settings/admin/scim">Manage tokens</Link>
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Last request</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>
                  <Link to={`/provisioning-log?${new URLSearchParams({ tokenId: token.id }).toString()}`}>
                    {token.name}
                  </Link>
                  {token.revokedAt !== null && (
                    <>
                      {' '}
                      <Badge>revoked</Badge>
                    </>
                  )}
                </td>
                {token.lastRequest === null ? (
                  <td colSpan={4} className="muted">
                    No requests yet: paste the token into your identity provider and run Test connection.
                  </td>
                ) : (
                  <>
                    <td className="nowrap">
                      <TimeText value={token.lastRequest.at} />
                    </td>
                    <td className="mono">{token.lastRequest.method}</td>
                    <td className="mono log-path">{token.lastRequest.path}</td>
                    <td>
                      <ProvisioningLogStatusBadge status={token.lastRequest.status} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
