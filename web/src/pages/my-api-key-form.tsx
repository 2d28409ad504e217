// Create an API key for myself, bound to one of my teams (the server refuses any other). The key is in the answer
// once: it is shown with SecretOnce until I am done with it.
import { useState, type SyntheticEvent } from 'react';
import { unwrap } from '../api/api-error';
import { api, type RequestOf, type ResponseOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { SecretOnce } from '../components/secret-once';

type Team = ResponseOf<'/me', 'get'>['teams'][number];
type CreatedKey = ResponseOf<'/me/api-keys', 'post'>;

const EXPIRY_CHOICES = [
  { value: '', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '180', label: 'In 180 days' },
  { value: '365', label: 'In 1 year' },
] as const;

export function MyApiKeyForm({ teams, active }: { teams: readonly Team[]; active: boolean }) {
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState('');
  const [expiresInDays, setExpiresInDays] = useState('');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const create = useApiMutation(
    (body: RequestOf<'/me/api-keys', 'post'>) => unwrap(api.POST('/me/api-keys', { body })),
    [['me', 'api-keys']],
  );
  // The first team until one is chosen; a team I have left since is not offered.
  const team = teams.find((candidate) => candidate.value === teamId)?.value ?? teams[0]?.value ?? '';

  if (!active) {
    return (
      <p className="banner banner-warning">
        Your account is deactivated, and a deactivated user cannot get API keys.
      </p>
    );
  }
  if (teams.length === 0) {
    return (
      <p className="muted">
        Every key of yours is bound to one of your teams, and you are in none yet. Your identity provider adds
        you to teams through your groups.
      </p>
    );
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate(
      {
        name: name.trim(),
        teamId: team,
        ...(expiresInDays === '' ? {} : { expiresInDays: Number(expiresInDays) }),
      },
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
        <ErrorBanner error={create.error} title="Creating the key failed" />
        <div className="form-row create-api-key-row">
          <div className="field">
            <label htmlFor="me-key-name">Key name</label>
            <input
              id="me-key-name"
              required
              maxLength={100}
              autoComplete="off"
              placeholder="e.g. laptop"
              value={name}
              aria-describedby="me-key-name-hint"
              onChange={(event) => {
                setName(event.target.value);
              }}
            />
            <p className="hint" id="me-key-name-hint">
              What the key is for.
            </p>
          </div>
          <div className="field">
            <label htmlFor="me-key-team">Team</label>
            <select
              id="me-key-team"
              value={team}
              aria-describedby="me-key-team-hint"
              onChange={(event) => {
                setTeamId(event.target.value);
              }}
            >
              {teams.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.display}
                </option>
              ))}
            </select>
            <p className="hint" id="me-key-team-hint">
              The key verifies as you in this team only.
            </p>
          </div>
          <div className="field">
            <label htmlFor="me-key-expiry">Expires</label>
            <select
              id="me-key-expiry"
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
            <p className="hint">Leaving the team blocks the key whatever its expiry.</p>
          </div>
        </div>
        <div>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create API key'}
          </button>
        </div>
      </form>
    </div>
  );
}
