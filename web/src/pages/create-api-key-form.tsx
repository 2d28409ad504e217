// Create an API key for a user (optionally bound to one of the user's teams) or a team. The key is in the answer
// once: it is shown with SecretOnce until the admin is done with it.
import { useId, useState, type SyntheticEvent, type ReactNode } from 'react';
import { unwrap } from '../api/api-error';
import { api, type ResponseOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { SecretOnce } from '../components/secret-once';
import { useUserQuery } from './use-user-query';

export type ApiKeyOwner = { readonly kind: 'user' | 'team'; readonly id: string };

type CreatedKey = ResponseOf<'/users/{id}/api-keys', 'post'>;

interface CreateInput {
  readonly owner: ApiKeyOwner;
  readonly name: string;
  readonly teamId: string;
  readonly expiresInDays: string;
}

const EXPIRY_CHOICES = [
  { value: '', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '180', label: 'In 180 days' },
  { value: '365', label: 'In 1 year' },
] as const;

function createKey({ owner, name, teamId, expiresInDays }: CreateInput): Promise<CreatedKey> {
  const params = { path: { id: owner.id } };
  const base = {
    name: name.trim(),
    ...(expiresInDays === '' ? {} : { expiresInDays: Number(expiresInDays) }),
  };
  return owner.kind === 'user'
    ? unwrap(
        api.POST('/users/{id}/api-keys', { params, body: { ...base, ...(teamId === '' ? {} : { teamId }) } }),
      )
    : unwrap(api.POST('/teams/{id}/api-keys', { params, body: base }));
}

export function CreateApiKeyForm({
  owner,
  ownerFields,
}: {
  /** null until the admin has chosen one (the API keys page). */
  owner: ApiKeyOwner | null;
  /** Fields that choose the owner, shown first. */
  ownerFields?: ReactNode;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState('');
  const [expiresInDays, setExpiresInDays] = useState('');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const userQuery = useUserQuery(owner?.kind === 'user' ? owner.id : '', owner?.kind === 'user');
  const user = owner?.kind === 'user' ? userQuery.data : undefined;
  const create = useApiMutation(createKey, [['api-keys'], ['events']]);
  // A team chosen for another user would be refused: offer only this user's teams.
  const boundTeam = user?.teams.some((team) => team.id === teamId) === true ? teamId : '';

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (owner === null) return;
    setCreated(null);
    create.mutate(
      { owner, name, teamId: boundTeam, expiresInDays },
      {
        onSuccess: (key) => {
          setCreated(key);
          setName('');
        },
      },
    );
  };

  return (
    <div className="create-api-key">
      {created !== null && (
        <SecretOnce
          label={`API key “${created.name}”`}
          value={created.key}
          onDone={() => {
            setCreated(null);
          }}
        />
      )}
      <form className="form" onSubmit={submit} aria-label="Create API key">
        {ownerFields}
        <ErrorBanner error={create.error} title="Creating the key failed" />
        {user !== undefined && !user.active && (
          <p className="banner banner-warning">
            {user.displayName ?? user.userName} is deactivated, and a deactivated user cannot get API keys.
            Reactivate the user in your identity provider first.
          </p>
        )}
        {user?.active !== false && (
          <>
            <div className="form-row create-api-key-row">
              <div className="field">
                <label htmlFor={`${id}-name`}>Key name</label>
                <input
                  id={`${id}-name`}
                  required
                  maxLength={100}
                  placeholder="e.g. laptop, ci-deploy"
                  value={name}
                  onChange={(event) => {
                    setName(event.target.value);
                  }}
                  aria-describedby={`${id}-name-hint`}
                />
                <p className="hint" id={`${id}-name-hint`}>
                  What the key is for.
                </p>
              </div>
              {owner?.kind === 'user' && (
                <div className="field">
                  <label htmlFor={`${id}-team`}>Bind to team</label>
                  <select
                    id={`${id}-team`}
                    value={boundTeam}
                    onChange={(event) => {
                      setTeamId(event.target.value);
                    }}
                    aria-describedby={`${id}-team-hint`}
                  >
                    <option value="">All the user’s teams</option>
                    {user?.teams.map((team) => (
                      <option key={team.id} value={team.id}>
                        {team.displayName}
                      </option>
                    ))}
                  </select>
                  <p className="hint" id={`${id}-team-hint`}>
                    A key bound to a team verifies as that team only.
                  </p>
                </div>
              )}
              <div className="field">
                <label htmlFor={`${id}-expiry`}>Expires</label>
                <select
                  id={`${id}-expiry`}
                  value={expiresInDays}
                  onChange={(event) => {
                    setExpiresInDays(event.target.value);
                  }}
                >
                  {EXPIRY_CHOICES.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
                <p className="hint">Deprovisioning blocks a key whatever its expiry.</p>
              </div>
            </div>
            <div>
              <button
                type="submit"
                className="button button-primary"
                disabled={owner === null || create.isPending}
              >
                {create.isPending ? 'Creating…' : 'Create API key'}
              </button>
              {owner === null && <p className="hint">Choose whose key it is first.</p>}
            </div>
          </>
        )}
      </form>
    </div>
  );
}
