// Choose whose key to create on the API keys page: a user or a team, found by searching (first 10 matches).
import { useEffect, useId, useState } from 'react';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import type { ApiKeyOwner } from './create-api-key-form';

const SEARCH_DELAY_MS = 250;
const MATCHES = 10;

interface Match {
  readonly id: string;
  readonly label: string;
  readonly detail: string | null;
  readonly inactive: boolean;
}

async function findOwners(kind: ApiKeyOwner['kind'], q: string): Promise<readonly Match[]> {
  const query = { limit: MATCHES, ...(q === '' ? {} : { q }) };
  if (kind === 'user') {
    const page = await unwrap(api.GET('/users', { params: { query } }));
    return page.items.map((user) => ({
      id: user.id,
      label: user.displayName ?? user.userName,
      detail: user.displayName === null ? null : user.userName,
      inactive: !user.active,
    }));
  }
  const page = await unwrap(api.GET('/teams', { params: { query } }));
  return page.items.map((team) => ({ id: team.id, label: team.displayName, detail: null, inactive: false }));
}

export function ApiKeysOwnerPicker({
  owner,
  onChange,
}: {
  owner: ApiKeyOwner | null;
  onChange: (owner: ApiKeyOwner | null) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<ApiKeyOwner['kind']>(owner?.kind ?? 'user');
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQ(draft.trim());
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [draft]);
  const query = useApiQuery(['owner-search', kind, q], () => findOwners(kind, q));
  const matches = query.data ?? [];

  return (
    <>
      <fieldset className="field owner-kind">
        <legend>Owner</legend>
        {(['user', 'team'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={`${id}-kind`}
              value={value}
              checked={kind === value}
              onChange={() => {
                setKind(value);
                onChange(null);
              }}
            />
            {value === 'user' ? 'A user' : 'A team (service key)'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-search`}>{kind === 'user' ? 'Find a user' : 'Find a team'}</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder={kind === 'user' ? 'Name, user name or email' : 'Team name'}
          value={draft}
          // Enter here would submit the whole form before an owner is chosen.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
          onChange={(event) => {
            setDraft(event.target.value);
          }}
        />
      </div>
      <ErrorBanner error={query.error} title="Searching failed" />
      <fieldset className="field owner-matches">
        <legend>{kind === 'user' ? 'User' : 'Team'}</legend>
        {query.isPending && <p className="muted small">Searching…</p>}
        {query.data !== undefined && matches.length === 0 && (
          <p className="muted small">{q === '' ? `No ${kind}s yet.` : `Nothing matches “${q}”.`}</p>
        )}
        {matches.map((match) => (
          <label key={match.id} className="checkbox owner-match">
            <input
              type="radio"
              name={`${id}-owner`}
              value={match.id}
              checked={owner?.kind === kind && owner.id === match.id}
              onChange={() => {
                onChange({ kind, id: match.id });
              }}
            />
            <span>
              {match.label}
              {match.detail !== null && <span className="muted small"> {match.detail}</span>}
              {match.inactive && <span className="muted small"> (inactive)</span>}
            </span>
          </label>
        ))}
        {matches.length === MATCHES && (
          <p className="hint">Showing the first {MATCHES}: type to narrow down.</p>
        )}
      </fieldset>
    </>
  );
}
