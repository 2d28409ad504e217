// Sign-in with OpenID Connect (authorization code flow with PKCE). The client secret is write-only: the server says
// only whether one is stored, an empty field keeps it, and removing it makes a public client (PKCE alone).
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { api, type RequestOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { SsoConnectionCard, useConnectionValues } from './sso-connection-card';
import { ssoSetting, type SsoConnection } from './sso-setting';
import { ssoSyncValuesOf, SsoSyncFields, toSyncSettings, type SsoSyncValues } from './sso-sync-fields';

type OidcBody = RequestOf<'/sso/oidc', 'put'>;

const DEFAULT_SCOPES = 'openid email profile';
const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';

interface OidcValues {
  readonly enabled: boolean;
  readonly issuer: string;
  readonly clientId: string;
  /** A new secret; empty: keep the stored one. */
  readonly clientSecret: string;
  readonly removeSecret: boolean;
  /** Space-separated. */
  readonly scopes: string;
  readonly graphBaseUrl: string;
  readonly sync: SsoSyncValues;
}

function oidcValuesOf(connection: SsoConnection | null): OidcValues {
  const settings = connection?.settings;
  const scopes = ssoSetting.list(settings, 'scopes');
  const graph = settings?.['graphBaseUrl'];
  return {
    // A new connection is meant to be used: it starts switched on.
    enabled: connection?.enabled ?? true,
    issuer: ssoSetting.text(settings, 'issuer'),
    clientId: ssoSetting.text(settings, 'clientId'),
    clientSecret: '',
    removeSecret: false,
    scopes: scopes.length > 0 ? scopes.join(' ') : DEFAULT_SCOPES,
    // Stored null means "never ask Microsoft Graph": an empty field.
    graphBaseUrl: typeof graph === 'string' ? graph : graph === null ? '' : DEFAULT_GRAPH_BASE_URL,
    sync: ssoSyncValuesOf(settings),
  };
}

function toOidcBody(values: OidcValues): OidcBody {
  const scopes = values.scopes.split(/\s+/).filter((scope) => scope !== '');
  const secret = values.clientSecret.trim();
  const graphBaseUrl = values.graphBaseUrl.trim();
  return {
    enabled: values.enabled,
    settings: {
      issuer: values.issuer.trim(),
      clientId: values.clientId.trim(),
      ...(scopes.length === 0 ? {} : { scopes }),
      graphBaseUrl: graphBaseUrl === '' ? null : graphBaseUrl,
      ...toSyncSettings(values.sync),
    },
    // Absent keeps the stored secret (write-only: the form never had it).
    ...(values.removeSecret ? { clientSecret: null } : secret === '' ? {} : { clientSecret: secret }),
  };
}

export function SsoOidcForm({
  connection,
  loginUrl,
}: {
  connection: SsoConnection | null;
  loginUrl: string;
}) {
  const [values, setValues] = useConnectionValues(connection, oidcValuesOf);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((body: OidcBody) => unwrap(api.PUT('/sso/oidc', { body })), [['sso']]);
  const change = (patch: Partial<OidcValues>) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, ...patch }));
  };
  const secretStored = connection?.clientSecretSet === true;

  return (
    <SsoConnectionCard
      kind="oidc"
      title="OpenID Connect"
      intro={
        <p>
          Register Muster as a web application with your identity provider, with the redirect URI above, and
          enter what it gives you: the issuer URL, the client id and, for a confidential client, the client
          secret.
        </p>
      }
      connection={connection}
      loginUrl={loginUrl}
      enabled={values.enabled}
      onEnabledChange={(enabled) => {
        change({ enabled });
      }}
      onSave={() => {
        save.mutate(toOidcBody(values), {
          onSuccess: () => {
            setSaved(true);
          },
        });
      }}
      saving={save.isPending}
      saveError={save.error}
      saved={saved}
    >
      <div className="form-row sso-row">
        <div className="field">
          <label htmlFor="oidc-issuer">Issuer URL</label>
          <input
            id="oidc-issuer"
            type="url"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="https://login.microsoftonline.com/<tenant>/v2.0"
            value={values.issuer}
            aria-describedby="oidc-issuer-hint"
            onChange={(event) => {
              change({ issuer: event.target.value });
            }}
          />
          <p className="hint" id="oidc-issuer-hint">
            Muster reads the discovery document under it (/.well-known/openid-configuration).
          </p>
        </div>
        <div className="field">
          <label htmlFor="oidc-client-id">Client ID</label>
          <input
            id="oidc-client-id"
            required
            autoComplete="off"
            spellCheck={false}
            value={values.clientId}
            onChange={(event) => {
              change({ clientId: event.target.value });
            }}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="oidc-client-secret">Client secret</label>
        <input
          id="oidc-client-secret"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={values.clientSecret}
          disabled={values.removeSecret}
          placeholder={secretStored ? 'Leave empty to keep the stored secret' : ''}
          aria-describedby="oidc-client-secret-hint"
          onChange={(event) => {
            change({ clientSecret: event.target.value });
          }}
        />
        <p className="hint" id="oidc-client-secret-hint">
          {secretStored
            ? 'A client secret is stored. Muster never shows it: leave the field empty to keep it, or enter a new one to replace it.'
            : 'Leave empty for a public client, which signs in with PKCE alone.'}
        </p>
        {secretStored && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.removeSecret}
              onChange={(event) => {
                change({ removeSecret: event.target.checked, clientSecret: '' });
              }}
            />
            Remove the stored secret (public client)
          </label>
        )}
      </div>
      <div className="form-row sso-row">
        <div className="field">
          <label htmlFor="oidc-scopes">Scopes</label>
          <input
            id="oidc-scopes"
            autoComplete="off"
            spellCheck={false}
            value={values.scopes}
            aria-describedby="oidc-scopes-hint"
            onChange={(event) => {
              change({ scopes: event.target.value });
            }}
          />
          <p className="hint" id="oidc-scopes-hint">
            Separated by spaces; must include openid.
          </p>
        </div>
        <div className="field">
          <label htmlFor="oidc-graph-base-url">Microsoft Graph base URL</label>
          <input
            id="oidc-graph-base-url"
            type="url"
            autoComplete="off"
            spellCheck={false}
            value={values.graphBaseUrl}
            aria-describedby="oidc-graph-base-url-hint"
            onChange={(event) => {
              change({ graphBaseUrl: event.target.value });
            }}
          />
          <p className="hint" id="oidc-graph-base-url-hint">
            Entra ID: where Muster reads the groups when a token has too many to list them. Empty: never.
          </p>
        </div>
      </div>
      <SsoSyncFields
        kind="oidc"
        values={values.sync}
        onChange={(patch) => {
          change({ sync: { ...values.sync, ...patch } });
        }}
      />
    </SsoConnectionCard>
  );
}
