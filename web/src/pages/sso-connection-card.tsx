// The frame of the OIDC and SAML settings: status, the on/off switch, the fields, then Save, "Test sign-in" (the
// organization's sign-in link pinned to this connection with ?via=) and Remove behind a confirmation.
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { Badge } from '../components/badge';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { Switch } from '../components/switch';
import { TimeText } from '../components/time-text';
import type { SsoConnection } from './sso-setting';

type Kind = 'oidc' | 'saml';

const NAMES: Record<Kind, string> = { oidc: 'OIDC', saml: 'SAML' };

function ConnectionStatus({ connection }: { connection: SsoConnection | null }) {
  if (connection === null) return <Badge>Not set up</Badge>;
  return connection.enabled ? (
    <Badge tone="success">On</Badge>
  ) : (
    <Badge tone="warning" title="Saved, but nobody can sign in with it">
      Off
    </Badge>
  );
}

/**
 * Form values that follow the stored connection: set from it at first, and again whenever it changes (saved here,
 * or removed), so the form shows what the server keeps, with its defaults filled in.
 */
export function useConnectionValues<V>(
  connection: SsoConnection | null,
  valuesOf: (connection: SsoConnection | null) => V,
) {
  const [values, setValues] = useState(() => valuesOf(connection));
  const current = connection?.updatedAt ?? null;
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setValues(valuesOf(connection));
  }
  return [values, setValues] as const;
}

export function SsoConnectionCard({
  kind,
  title,
  intro,
  connection,
  loginUrl,
  enabled,
  onEnabledChange,
  onSave,
  saving,
  saveError,
  saved,
  children,
}: {
  kind: Kind;
  title: string;
  intro: ReactNode;
  connection: SsoConnection | null;
  loginUrl: string;
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  onSave: () => void;
  saving: boolean;
  saveError: unknown;
  saved: boolean;
  children: ReactNode;
}) {
  const name = NAMES[kind];
  const remove = useApiMutation(
    () => unwrap(api.DELETE('/sso/{kind}', { params: { path: { kind } } })),
    [['sso']],
  );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <section className="card sso-card" aria-labelledby={`sso-${kind}-title`}>
      <div className="card-header">
        <h2 id={`sso-${kind}-title`}>{title}</h2>
        <span className="header-badges">
          <ConnectionStatus connection={connection} />
          {connection !== null && (
            <span className="muted small">
              Saved <TimeText value={connection.updatedAt} />
            </span>
          )}
        </span>
      </div>
      <div className="muted sso-intro">{intro}</div>
      <form className="form" onSubmit={submit} aria-labelledby={`sso-${kind}-title`}>
        <ErrorBanner error={saveError} title={`The ${name} settings were not saved`} />
        <Switch
          id={`${kind}-enabled`}
          label={`Allow sign-in with ${name}`}
          checked={enabled}
          onChange={onEnabledChange}
          hint="Off: the settings are kept, and nobody can sign in with them."
        />
        {children}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : `Save ${name} settings`}
          </button>
          {connection?.enabled === true && (
            <a className="button button-secondary" href={`${loginUrl}?via=${kind}`}>
              Test {name} sign-in
            </a>
          )}
          {connection !== null && (
            <ConfirmButton
              label={`Remove ${name}`}
              title={`Remove the ${name} connection?`}
              confirmLabel="Remove connection"
              // The banner below shows a failure; the dialog only needs to know it is done.
              onConfirm={() => remove.mutateAsync().catch(() => undefined)}
            >
              <p>
                Nobody can sign in with it any more. The links between its accounts and Muster users end, and
                so do the console sessions started with it. Users, teams and memberships stay.
              </p>
            </ConfirmButton>
          )}
        </div>
        {saved && (
          <p className="hint" role="status">
            Saved.
          </p>
        )}
        {connection?.enabled === true ? (
          <p className="hint">
            Test sign-in opens your identity provider and signs you in as whoever it authenticates, in place
            of this session: use a private window to stay signed in here.
          </p>
        ) : (
          <p className="hint">Save with sign-in on to test it.</p>
        )}
        <ErrorBanner error={remove.error} title={`The ${name} connection was not removed`} />
      </form>
    </section>
  );
}
