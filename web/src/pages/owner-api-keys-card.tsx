// The API keys of one user or team, with the form that creates another: the same card on both detail pages.
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { Pager, useCursorPager } from '../components/pager';
import { ApiKeysTable } from './api-keys-table';
import { CreateApiKeyForm, type ApiKeyOwner } from './create-api-key-form';

export function OwnerApiKeysCard({ owner }: { owner: ApiKeyOwner }) {
  const pager = useCursorPager();
  const filter = owner.kind === 'user' ? { userId: owner.id } : { teamId: owner.id };
  const query = useApiQuery(['api-keys', 'list', { ...filter, cursor: pager.cursor }], () =>
    unwrap(
      api.GET('/api-keys', {
        params: { query: { ...filter, ...(pager.cursor === undefined ? {} : { cursor: pager.cursor }) } },
      }),
    ),
  );
  const keys = query.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="owner-api-keys-title">
      <div className="card-header">
        <h2 id="owner-api-keys-title">API keys</h2>
      </div>
      <ErrorBanner error={query.error} title="Loading API keys failed" />
      {query.isPending && <Loading label="Loading API keys…" />}
      {query.data !== undefined && keys.length === 0 && pager.page === 1 && (
        <EmptyState title="No API keys yet">
          {owner.kind === 'user'
            ? 'A key lets this user call apps behind your gateway; it stops working when the identity provider deprovisions the user.'
            : 'A team key verifies as the team, not as a person: use it for services. User keys bound to this team are listed here too.'}
        </EmptyState>
      )}
      {keys.length > 0 && (
        <ApiKeysTable
          keys={keys}
          showOwner={owner.kind === 'team'}
          caption={owner.kind === 'user' ? 'API keys of this user' : 'API keys of this team'}
        />
      )}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} />
      <h3 className="create-api-key-title">Create an API key</h3>
      <CreateApiKeyForm owner={owner} />
    </section>
  );
}
