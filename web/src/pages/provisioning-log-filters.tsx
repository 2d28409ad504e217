// The provisioning log's filters. They live in the URL query string (same names as the API's query parameters), so a
// filtered view is a link an admin can share; the form only edits them and submits with Enter or "Apply".
import { useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { paths } from '../api/schema';
import type { ScimToken } from './use-scim-token-names';

export type ProvisioningLogQuery = NonNullable<paths['/provisioning-log']['get']['parameters']['query']>;
export type ProvisioningLogFilterValues = Omit<ProvisioningLogQuery, 'cursor' | 'limit'>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
const TEXT_KEYS = ['status', 'pathPrefix', 'resourceId', 'tokenId', 'since', 'until'] as const;

const isMethod = (value: string): value is Method => (METHODS as readonly string[]).includes(value);

/** The filters named in the URL; the server checks their values and answers a problem for a malformed one. */
export function filtersFromSearch(params: URLSearchParams): ProvisioningLogFilterValues {
  const filters: ProvisioningLogFilterValues = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '') filters[key] = value;
  }
  const method = params.get('method')?.toUpperCase();
  if (method !== undefined && isMethod(method)) filters.method = method;
  return filters;
}

/** `datetime-local` inputs speak the browser's local time without an offset; the URL and API speak ISO-8601 UTC. */
function toLocalInput(iso: string | undefined): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function fromLocalInput(local: string): string {
  const date = new Date(local);
  return local === '' || Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

interface Draft {
  status: string;
  method: string;
  pathPrefix: string;
  resourceId: string;
  tokenId: string;
  since: string;
  until: string;
}

export function ProvisioningLogFilters({
  filters,
  tokens,
}: {
  filters: ProvisioningLogFilterValues;
  tokens: readonly ScimToken[];
}) {
  const [, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState<Draft>({
    status: filters.status ?? '',
    method: filters.method ?? '',
    pathPrefix: filters.pathPrefix ?? '',
    resourceId: filters.resourceId ?? '',
    tokenId: filters.tokenId ?? '',
    since: toLocalInput(filters.since),
    until: toLocalInput(filters.until),
  });
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => {
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));
  };
  const active = Object.keys(filters).length > 0;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const values: Record<keyof Draft, string> = {
      ...draft,
      status: draft.status.trim().toLowerCase(),
      pathPrefix: draft.pathPrefix.trim(),
      resourceId: draft.resourceId.trim(),
      since: fromLocalInput(draft.since),
      until: fromLocalInput(draft.until),
    };
    for (const [key, value] of Object.entries(values)) if (value !== '') next.set(key, value);
    setSearchParams(next);
  };

  return (
    <form className="toolbar log-filters" onSubmit={submit} aria-label="Filter requests">
      <div className="field">
        <label htmlFor="log-status">Status</label>
        <input
          id="log-status"
          list="log-status-options"
          value={draft.status}
          onChange={set('status')}
          placeholder="404, 4xx, error"
          pattern="\s*([1-5]([0-9]{2}|[xX]{2})|[eE][rR][rR][oO][rR])\s*"
          title="An HTTP status (404), a class (4xx) or error (every status from 400)"
          aria-describedby="log-status-hint"
        />
        <datalist id="log-status-options">
          <option value="error">Failed (4xx and 5xx)</option>
          <option value="2xx">Success</option>
          <option value="4xx">Client errors</option>
          <option value="5xx">Server errors</option>
          <option value="404">Not found</option>
          <option value="409">Conflict</option>
        </datalist>
        <span className="visually-hidden" id="log-status-hint">
          An HTTP status such as 404, a class such as 4xx, or error for every failed request.
        </span>
      </div>
      <div className="field">
        <label htmlFor="log-method">Method</label>
        <select id="log-method" value={draft.method} onChange={set('method')}>
          <option value="">Any</option>
          {METHODS.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label htmlFor="log-path">Path starts with</label>
        <input
          id="log-path"
          className="mono"
          value={draft.pathPrefix}
          onChange={set('pathPrefix')}
          placeholder="/scim/v2/Users"
        />
      </div>
      <div className="field field-grow">
        <label htmlFor="log-resource">Resource id</label>
        <input id="log-resource" className="mono" value={draft.resourceId} onChange={set('resourceId')} />
      </div>
      <div className="field">
        <label htmlFor="log-token">Token</label>
        <select id="log-token" value={draft.tokenId} onChange={set('tokenId')}>
          <option value="">Any</option>
          {tokens.map((token) => (
            <option key={token.id} value={token.id}>
              {token.name}
              {token.revokedAt !== null ? ' (revoked)' : ''}
            </option>
          ))}
          {draft.tokenId !== '' && !tokens.some((token) => token.id === draft.tokenId) && (
            <option value={draft.tokenId}>{draft.tokenId}</option>
          )}
        </select>
      </div>
      <div className="field field-date">
        <label htmlFor="log-since">From</label>
        <input id="log-since" type="datetime-local" value={draft.since} onChange={set('since')} />
      </div>
      <div className="field field-date">
        <label htmlFor="log-until">Until</label>
        <input id="log-until" type="datetime-local" value={draft.until} onChange={set('until')} />
      </div>
      <div className="log-filter-actions">
        <button type="submit" className="button button-primary">
          Apply
        </button>
        {active && (
          <Link to="/provisioning-log" className="button button-secondary">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
