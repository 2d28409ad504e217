// Sign-in with SAML 2.0 (HTTP-POST binding, signed assertions required). The IdP's metadata is pasted, or fetched
// from its URL each time the settings are saved.
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { api, type RequestOf } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { SsoConnectionCard, useConnectionValues } from './sso-connection-card';
import { ssoSetting, type SsoConnection } from './sso-setting';
import { ssoSyncValuesOf, SsoSyncFields, toSyncSettings, type SsoSyncValues } from './sso-sync-fields';

type SamlBody = RequestOf<'/sso/saml', 'put'>;
type MetadataSource = 'url' | 'xml';

const MAX_CLOCK_SKEW_SECONDS = 300;

interface SamlValues {
  readonly enabled: boolean;
  readonly metadataSource: MetadataSource;
  readonly metadataUrl: string;
  readonly metadataXml: string;
  readonly emailAttribute: string;
  /** Whole seconds, as typed. */
  readonly clockSkewSeconds: string;
  readonly allowIdpInitiated: boolean;
  readonly sync: SsoSyncValues;
}

function samlValuesOf(connection: SsoConnection | null): SamlValues {
  const settings = connection?.settings;
  const metadataUrl = ssoSetting.text(settings, 'idpMetadataUrl');
  return {
    enabled: connection?.enabled ?? true,
    metadataSource: connection === null || metadataUrl !== '' ? 'url' : 'xml',
    metadataUrl,
    // Also the copy fetched from the URL: what the signatures are checked against.
    metadataXml: ssoSetting.text(settings, 'idpMetadataXml'),
    emailAttribute: ssoSetting.text(settings, 'emailAttribute', 'email'),
    clockSkewSeconds: String(ssoSetting.count(settings, 'clockSkewSeconds', 60)),
    allowIdpInitiated: settings?.['allowIdpInitiated'] === true,
    sync: ssoSyncValuesOf(settings),
  };
}

function toSamlBody(values: SamlValues): SamlBody {
  const emailAttribute = values.emailAttribute.trim();
  const skew = values.clockSkewSeconds.trim();
  return {
    enabled: values.enabled,
    settings: {
      // Only the URL: the server fetches the metadata again, so a rotated IdP certificate is picked up on save.
      ...(values.metadataSource === 'url'
        ? { idpMetadataUrl: values.metadataUrl.trim() }
        : { idpMetadataXml: values.metadataXml.trim(), idpMetadataUrl: null }),
      ...(emailAttribute === '' ? {} : { emailAttribute }),
      ...(skew === '' ? {} : { clockSkewSeconds: Number(skew) }),
      allowIdpInitiated: values.allowIdpInitiated,
      ...toSyncSettings(values.sync),
    },
  };
}

const SOURCES: readonly { value: MetadataSource; label: string }[] = [
  { value: 'url', label: 'Fetch it from a URL' },
  { value: 'xml', label: 'Paste the XML' },
];

export function SsoSamlForm({
  connection,
  loginUrl,
}: {
  connection: SsoConnection | null;
  loginUrl: string;
}) {
  const [values, setValues] = useConnectionValues(connection, samlValuesOf);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation((body: SamlBody) => unwrap(api.PUT('/sso/saml', { body })), [['sso']]);
  const change = (patch: Partial<SamlValues>) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, ...patch }));
  };

  return (
    <SsoConnectionCard
      kind="saml"
      title="SAML 2.0"
      intro={
        <p>
          Create a SAML application in your identity provider with the ACS URL and entity ID above (or its
          metadata URL), then give Muster the identity provider’s metadata.
        </p>
      }
      connection={connection}
      loginUrl={loginUrl}
      enabled={values.enabled}
      onEnabledChange={(enabled) => {
        change({ enabled });
      }}
      onSave={() => {
        save.mutate(toSamlBody(values), {
          onSuccess: () => {
            setSaved(true);
          },
        });
      }}
      saving={save.isPending}
      saveError={save.error}
      saved={saved}
    >
      <fieldset className="sso-choice sso-choice-inline">
        <legend>Identity provider metadata</legend>
        {SOURCES.map((source) => (
          <label key={source.value} className="checkbox">
            <input
              type="radio"
              name="saml-metadata-source"
              value={source.value}
              checked={values.metadataSource === source.value}
              onChange={() => {
                change({ metadataSource: source.value });
              }}
            />
            {source.label}
          </label>
        ))}
      </fieldset>
      {values.metadataSource === 'url' ? (
        <div className="field">
          <label htmlFor="saml-metadata-url">Metadata URL</label>
          <input
            id="saml-metadata-url"
            type="url"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="https://login.microsoftonline.com/<tenant>/federationmetadata/2007-06/federationmetadata.xml"
            value={values.metadataUrl}
            aria-describedby="saml-metadata-url-hint"
            onChange={(event) => {
              change({ metadataUrl: event.target.value });
            }}
          />
          <p className="hint" id="saml-metadata-url-hint">
            Fetched each time you save: save again after the identity provider rotates its certificate.
          </p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="saml-metadata-xml">Metadata XML</label>
          <textarea
            id="saml-metadata-xml"
            className="mono sso-metadata-xml"
            required
            rows={8}
            spellCheck={false}
            placeholder="<EntityDescriptor …>"
            value={values.metadataXml}
            aria-describedby="saml-metadata-xml-hint"
            onChange={(event) => {
              change({ metadataXml: event.target.value });
            }}
          />
          <p className="hint" id="saml-metadata-xml-hint">
            The identity provider’s EntityDescriptor, with its signing certificate and sign-in URL.
          </p>
        </div>
      )}
      <div className="form-row sso-row">
        <div className="field">
          <label htmlFor="saml-email-attribute">Email attribute</label>
          <input
            id="saml-email-attribute"
            autoComplete="off"
            spellCheck={false}
            value={values.emailAttribute}
            aria-describedby="saml-email-attribute-hint"
            onChange={(event) => {
              change({ emailAttribute: event.target.value });
            }}
          />
          <p className="hint" id="saml-email-attribute-hint">
            The attribute with the person’s email address.
          </p>
        </div>
        <div className="field">
          <label htmlFor="saml-clock-skew">Clock skew (seconds)</label>
          <input
            id="saml-clock-skew"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_CLOCK_SKEW_SECONDS}
            step={1}
            value={values.clockSkewSeconds}
            aria-describedby="saml-clock-skew-hint"
            onChange={(event) => {
              change({ clockSkewSeconds: event.target.value });
            }}
          />
          <p className="hint" id="saml-clock-skew-hint">
            How far the identity provider’s clock may differ from Muster’s (0 to {MAX_CLOCK_SKEW_SECONDS}).
          </p>
        </div>
      </div>
      <div className="sso-checks">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.allowIdpInitiated}
            aria-describedby="saml-idp-initiated-hint"
            onChange={(event) => {
              change({ allowIdpInitiated: event.target.checked });
            }}
          />
          Allow sign-in started at the identity provider
        </label>
        <p className="hint" id="saml-idp-initiated-hint">
          The app tile in the identity provider’s dashboard. Off: only sign-ins started here, each bound to
          the request Muster sent; such an unsolicited answer is protected only by being usable once.
        </p>
      </div>
      <SsoSyncFields
        kind="saml"
        values={values.sync}
        onChange={(patch) => {
          change({ sync: { ...values.sync, ...patch } });
        }}
      />
    </SsoConnectionCard>
  );
}
