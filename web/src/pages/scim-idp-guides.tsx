// Step-by-step setup for each identity provider. The guides are docs/idp/<slug>.md, bundled as text at build time so
// the docs and the console share one source; a provider whose guide is not written yet says so instead of breaking.
import type { ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import { NavLink } from 'react-router';
import remarkGfm from 'remark-gfm';

export const IDPS = [
  { slug: 'entra-id', label: 'Entra ID' },
  { slug: 'okta', label: 'Okta' },
  { slug: 'onelogin', label: 'OneLogin' },
  { slug: 'jumpcloud', label: 'JumpCloud' },
  { slug: 'keycloak', label: 'Keycloak' },
  { slug: 'auth0', label: 'Auth0' },
  { slug: 'google-workspace', label: 'Google Workspace' },
] as const;

/** The tenant URL the guides are written with; the console shows this server's own instead. */
const PLACEHOLDER_SCIM_URL = 'https://muster.example.com/scim/v2';

const guideFiles = import.meta.glob<string>('../../../docs/idp/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function guideOf(slug: string): string | undefined {
  return guideFiles[`../../../docs/idp/${slug}.md`];
}

function GuideLink({ href, children }: ComponentProps<'a'>) {
  // Links between docs files do not resolve inside the console: keep their text, drop the link.
  if (href === undefined || !/^(https?:|mailto:|#)/.test(href)) return <>{children}</>;
  if (href.startsWith('#')) return <a href={href}>{children}</a>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

function GuideTable({ children }: ComponentProps<'table'>) {
  // A wide table scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Table, scrolls sideways">
      <table>{children}</table>
    </div>
  );
}

// The page already has an h1 and the card an h2: the guide's headings sit below them.
const COMPONENTS: Components = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', a: GuideLink, table: GuideTable };

function Guide({ slug, label, scimUrl }: { slug: string; label: string; scimUrl: string | undefined }) {
  const source = guideOf(slug);
  if (source === undefined) {
    return (
      <p className="muted" data-testid="guide-missing">
        Guide coming soon. Until then: in {label}, set the SCIM base URL to the tenant URL above and
        authenticate with a SCIM token as a bearer token.
      </p>
    );
  }
  const text = scimUrl === undefined ? source : source.replaceAll(PLACEHOLDER_SCIM_URL, scimUrl);
  return (
    <article className="markdown" aria-label={`${label} setup guide`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={COMPONENTS} skipHtml>
        {text}
      </ReactMarkdown>
    </article>
  );
}

/** Tabs that are links (`/settings/admin/scim/guides/<slug>`), so every guide has its own URL. */
export function ScimIdpGuides({
  selected,
  scimUrl,
}: {
  selected: string | undefined;
  scimUrl: string | undefined;
}) {
  const idp = IDPS.find((candidate) => candidate.slug === selected);
  return (
    <section className="card" aria-labelledby="scim-guides-title" id="setup-guides">
      <div className="card-header">
        <h2 id="scim-guides-title">Setup guides</h2>
      </div>
      <nav className="tabs" aria-label="Identity providers">
        {IDPS.map((candidate) => (
          <NavLink
            key={candidate.slug}
            to={`/settings/admin/scim/guides/${candidate.slug}`}
            preventScrollReset
          >
            {candidate.label}
          </NavLink>
        ))}
      </nav>
      {idp !== undefined ? (
        <Guide slug={idp.slug} label={idp.label} scimUrl={scimUrl} />
      ) : selected !== undefined ? (
        <p className="muted">There is no guide for “{selected}”. Choose your identity provider above.</p>
      ) : (
        <p className="muted">
          Choose your identity provider for step-by-step instructions, with this server’s tenant URL filled
          in.
        </p>
      )}
    </section>
  );
}
