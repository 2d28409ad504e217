// Settings › Admin Settings › SCIM: where connecting an identity provider starts. The admin copies the tenant URL
// (from the server: its PUBLIC_URL may differ from the address the browser uses), creates a token, and follows the
// provider's guide.
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { CopyField } from '../components/copy-button';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ScimIdpGuides } from './scim-idp-guides';
import { ScimSettingsTokenForm } from './scim-settings-token-form';
import { ScimSettingsTokenList } from './scim-settings-token-list';
import { SettingsNav } from './settings-nav';

// Tokens per organization are few (one per identity provider): the largest page holds them all.
const TOKEN_PAGE_LIMIT = 200;

function Breadcrumb() {
  return (
    <ol className="scim-breadcrumb">
      <li>
        <Link to="/settings/admin/scim">Settings</Link>
      </li>
      <li>
        <Link to="/settings/admin/scim">Admin Settings</Link>
      </li>
      <li aria-current="page">SCIM</li>
    </ol>
  );
}

export function ScimSettingsPage() {
  const { idp } = useParams();
  const tokens = useApiQuery(['scim-tokens'], () =>
    unwrap(api.GET('/scim-tokens', { params: { query: { limit: TOKEN_PAGE_LIMIT } } })),
  );
  const scimUrl = tokens.data?.scimUrl;

  // A deep link to a guide (/settings/admin/scim/guides/okta) opens at the guide, not at the top of the page.
  const guidesRef = useRef<HTMLDivElement>(null);
  const deepLinked = useRef(idp !== undefined);
  useEffect(() => {
    if (deepLinked.current && tokens.data !== undefined) {
      deepLinked.current = false;
      guidesRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [tokens.data]);

  return (
    <>
      <PageHeader
        title="SCIM"
        breadcrumb={<Breadcrumb />}
        description="Connect your identity provider (Entra ID, Okta, …): it creates, updates and deactivates users and teams in this organization through SCIM 2.0. Give it the tenant URL and a SCIM token."
      />
      <SettingsNav />
      <section className="card" aria-labelledby="scim-tenant-title">
        <div className="card-header">
          <h2 id="scim-tenant-title">Tenant URL</h2>
        </div>
        {scimUrl !== undefined ? (
          <>
            <CopyField id="scim-tenant-url" label="Tenant URL" value={scimUrl} />
            <p className="hint">
              The SCIM base URL of this Muster. Identity providers call it “Tenant URL” (Entra ID), “SCIM
              connector base URL” (Okta) or “SCIM Base URL” (OneLogin).
            </p>
          </>
        ) : tokens.isPending ? (
          <Loading />
        ) : (
          <ErrorBanner error={tokens.error} title="The SCIM settings could not be loaded" />
        )}
      </section>
      <ScimSettingsTokenForm />
      {tokens.data !== undefined ? (
        <ScimSettingsTokenList tokens={tokens.data.items} />
      ) : (
        tokens.isPending && <Loading label="Loading SCIM tokens…" />
      )}
      {tokens.data?.nextCursor != null && (
        <p className="muted small">Showing the first {TOKEN_PAGE_LIMIT} tokens.</p>
      )}
      <div ref={guidesRef} className="scim-guides-anchor">
        <ScimIdpGuides selected={idp} scimUrl={scimUrl} />
      </div>
    </>
  );
}
