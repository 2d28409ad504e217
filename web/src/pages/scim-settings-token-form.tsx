// Creating a SCIM token: the token is in the create response only, so it is shown here once, next to the tenant URL
// the identity provider needs with it.
import { useState, type SubmitEvent } from 'react';
import { unwrap } from '../api/api-error';
import { api, type RequestOf, type ResponseOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { CopyField } from '../components/copy-button';
import { ErrorBanner } from '../components/error-banner';
import { SecretOnce } from '../components/secret-once';

type CreatedToken = ResponseOf<'/scim-tokens', 'post'>;

const EXPIRY_CHOICES = [
  { value: '', label: 'Never' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
  { value: '365', label: '365 days' },
] as const;

export function ScimSettingsTokenForm() {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useApiMutation(
    (body: RequestOf<'/scim-tokens', 'post'>) => unwrap(api.POST('/scim-tokens', { body })),
    [['scim-tokens']],
  );

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const body = expiry === '' ? { name: name.trim() } : { name: name.trim(), expiresInDays: Number(expiry) };
    try {
      setCreated(await create.mutateAsync(body));
      setName('');
      setExpiry('');
    } catch {
      // create.error holds it; the banner below shows it.
    }
  };

  return (
    <section className="card" aria-labelledby="scim-create-title">
      <div className="card-header">
        <h2 id="scim-create-title">Create SCIM token</h2>
      </div>
      <p className="muted">
        One token per identity provider, named after it: you can then revoke one without touching the others.
      </p>
      {created !== null && (
        <div className="scim-created">
          <SecretOnce
            label={`New SCIM token “${created.name}”`}
            value={created.token}
            onDone={() => {
              setCreated(null);
            }}
          />
          <CopyField id="scim-created-tenant-url" label="Tenant URL" value={created.scimUrl} />
          <p className="hint">
            Paste both into your identity provider: the tenant URL and the token as a bearer token.
          </p>
        </div>
      )}
      <form className="form" onSubmit={(event) => void submit(event)}>
        <ErrorBanner error={create.error} title="The token was not created" />
        <div className="form-row">
          <div className="field">
            <label htmlFor="scim-token-name">Name</label>
            <input
              id="scim-token-name"
              required
              maxLength={100}
              autoComplete="off"
              placeholder="e.g. okta"
              aria-describedby="scim-token-name-hint"
              value={name}
              onChange={(event) => {
                setName(event.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="scim-token-expiry">Expires</label>
            <select
              id="scim-token-expiry"
              value={expiry}
              onChange={(event) => {
                setExpiry(event.target.value);
              }}
            >
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create SCIM token'}
          </button>
        </div>
        <p className="hint" id="scim-token-name-hint">
          What the token is for, e.g. the identity provider’s name. An expired token gets 401 like a revoked
          one.
        </p>
      </form>
    </section>
  );
}
