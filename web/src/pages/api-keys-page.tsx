// Every API key of the organization: whose it is, whether it verifies right now (and if not, why), and creating and
// revoking keys. Gateways ask Muster about a key with GET /api/v1/keys/verify.
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { Pager, useCursorPager } from '../components/pager';
import { ApiKeysOwnerPicker } from './api-keys-owner-picker';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyForm, type ApiKeyOwner } from './create-api-key-form';

type Status = ItemOf<'/api-keys'>['status'];
const STATUS_FILTERS: readonly { value: Status | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
];

function toStatusFilter(value: string): Status | 'all' {
  return STATUS_FILTERS.find((filter) => filter.value === value)?.value ?? 'all';
}

function CreateCard({ onClose }: { onClose: () => void }) {
  const [owner, setOwner] = useState<ApiKeyOwner | null>(null);
  return (
    <section className="card" aria-labelledby="create-api-key-title">
      <div className="card-header">
        <h2 id="create-api-key-title">Create API key</h2>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <CreateApiKeyForm
        owner={owner}
        ownerFields={<ApiKeysOwnerPicker owner={owner} onChange={setOwner} />}
      />
    </section>
  );
}

export function ApiKeysPage() {
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const pager = useCursorPager();
  const query = useApiQuery(['api-keys', 'list', { status, cursor: pager.cursor }], () =>
    unwrap(
      api.GET('/api-keys', {
        params: {
          query: {
            ...(status === 'all' ? {} : { status }),
            ...(pager.cursor === undefined ? {} : { cursor: pager.cursor }),
          },
        },
      }),
    ),
  );
  const keys = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the people and teams your identity provider provisions. Deprovisioning blocks them at once."
        actions={
          creating ? undefined : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setCreating(true);
              }}
            >
              Create API key
            </button>
          )
        }
      />
      {creating && (
        <CreateCard
          onClose={() => {
            setCreating(false);
          }}
        />
      )}
      <div className="toolbar">
        <div className="field">
          <label htmlFor="api-keys-status">Status</label>
          <select
            id="api-keys-status"
            value={status}
            onChange={(event) => {
              setStatus(toStatusFilter(event.target.value));
              pager.reset();
            }}
          >
            {STATUS_FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner error={query.error} title="Loading API keys failed" />
      {query.isPending && <Loading label="Loading API keys…" />}
      {query.data !== undefined && keys.length === 0 && pager.page === 1 && (
        <>
          {status === 'all' ? (
            <EmptyState
              title="No API keys yet"
              action={
                creating ? undefined : (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => {
                      setCreating(true);
                    }}
                  >
                    Create API key
                  </button>
                )
              }
            >
              <p>
                An API key lets a person or a team call your internal apps and LLM gateways. Your gateway
                (nginx auth_request, Envoy ext_authz, Traefik ForwardAuth) asks Muster about every request
                with <code>GET /api/v1/keys/verify</code> and passes it on only while the key is active and
                its user is still provisioned: when your identity provider deactivates someone, their keys
                stop working at once.
              </p>
            </EmptyState>
          ) : (
            <EmptyState title={`No ${status} API keys`}>Choose another status to see other keys.</EmptyState>
          )}
        </>
      )}
      {keys.length > 0 && <ApiKeysTable keys={keys} caption="API keys of the organization" />}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} />
    </>
  );
}
