// /api/v1/sso: the organization's SSO sign-in (Settings › SSO): the URLs to give the IdP, the OIDC and SAML
// connections (the client secret is write-only: only `clientSecretSet` comes back) and the member self-service switch.
import { Type, type Static } from 'typebox';
import type { AdminServices } from '../../domain/admin-services.js';
import type { SsoKind } from '../../domain/ports.js';
import { ssoEndpointsOf, type SsoConnectionView } from '../../domain/sso-connections.js';
import { checkIdpUrl, type IdpUrlPolicy } from '../../domain/sso-settings.js';
import { localHostProblem } from '../../auth/check-idp-host.js';
import { fetchSamlMetadata } from '../../auth/saml/fetch-saml-metadata.js';
import { parseSamlIdpMetadata } from '../../auth/saml/parse-saml-idp-metadata.js';
import { SamlError } from '../../auth/saml/saml-error.js';
import { problem } from './admin-api-error.js';
import { orgOf } from './admin-auth.js';
import { adminSchema, NoContent, Timestamp, type AdminApp } from './admin-schemas.js';

const TAGS = ['sso'];

const Strings = Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), { maxItems: 500 });

const POLICY_FIELDS = {
  groupsClaim: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'OIDC claim or SAML attribute with the groups (default "groups"; dotted for nested claims)',
    }),
  ),
  teamCreation: Type.Optional(
    Type.Union([Type.Literal('create'), Type.Literal('existing')], {
      description:
        'create (default): a reported group without a team becomes one; existing: join existing teams only',
    }),
  ),
  membershipSync: Type.Optional(
    Type.Union([Type.Literal('add_only'), Type.Literal('full')], {
      description:
        'add_only (default): sign-in only adds memberships; full: also removes those earlier sign-ins added ' +
        'for groups no longer reported (never memberships SCIM or an admin manage)',
    }),
  ),
  allowedGroups: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), {
      maxItems: 500,
      description: 'Only these groups (id or name) become or join teams; empty: every group',
    }),
  ),
  roleMappings: Type.Optional(
    Type.Array(
      Type.Object(
        {
          group: Type.String({ minLength: 1, maxLength: 2048 }),
          role: Type.Union([Type.Literal('admin'), Type.Literal('member')]),
        },
        { additionalProperties: false },
      ),
      {
        maxItems: 500,
        description: 'Members of a group mapped to admin manage the organization in the console',
      },
    ),
  ),
  linkByEmail: Type.Optional(
    Type.Boolean({
      description:
        'Link a first sign-in to the user with the same email when the IdP says it is verified (default false)',
    }),
  ),
  createUsers: Type.Optional(
    Type.Boolean({
      description:
        'Create a user when no user matches a sign-in (default false: only users SCIM or an admin created sign in)',
    }),
  ),
};

const OidcSettingsBody = Type.Object(
  {
    issuer: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'Issuer URL (discovery document under it)',
    }),
    clientId: Type.String({ minLength: 1, maxLength: 2048 }),
    scopes: Type.Optional({ ...Strings, description: 'Default openid, email, profile' }),
    graphBaseUrl: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 2048 }), Type.Null()], {
        description:
          'Microsoft Graph base URL for Entra group overage (default https://graph.microsoft.com); null: never',
      }),
    ),
    ...POLICY_FIELDS,
  },
  { additionalProperties: false },
);

const SamlSettingsBody = Type.Object(
  {
    idpMetadataXml: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000_000 })),
    idpMetadataUrl: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 2048 }), Type.Null()], {
        description: 'Fetched when saved if idpMetadataXml is absent',
      }),
    ),
    emailAttribute: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Default "email"' }),
    ),
    clockSkewSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 300, description: 'Default 60' })),
    allowIdpInitiated: Type.Optional(
      Type.Boolean({
        description:
          'Accept IdP-initiated sign-in (the app tile in the IdP dashboard); default false: only sign-ins started here',
      }),
    ),
    ...POLICY_FIELDS,
  },
  { additionalProperties: false },
);

const OidcPutBody = Type.Object(
  {
    enabled: Type.Boolean(),
    settings: OidcSettingsBody,
    clientSecret: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 4096 }), Type.Null()], {
        description: 'Write-only. Absent: keep the stored one; null: remove it (public client with PKCE)',
      }),
    ),
  },
  { additionalProperties: false },
);

const SamlPutBody = Type.Object(
  { enabled: Type.Boolean(), settings: SamlSettingsBody },
  { additionalProperties: false },
);

const ConnectionSchema = Type.Object({
  kind: Type.Union([Type.Literal('oidc'), Type.Literal('saml')]),
  enabled: Type.Boolean(),
  settings: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The settings with defaults filled in (the same fields as the PUT body), never a secret',
  }),
  clientSecretSet: Type.Boolean({
    description: 'OIDC: whether a client secret is stored (it is never returned)',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const EndpointsSchema = Type.Object({
  loginUrl: Type.String({ description: 'Sign-in link of this organization (also the IdP app tile link)' }),
  redirectUrl: Type.String({ description: 'OIDC redirect URI to register with the IdP' }),
  acsUrl: Type.String({ description: 'SAML Assertion Consumer Service URL (HTTP-POST)' }),
  spEntityId: Type.String({ description: 'SAML audience / SP entity id' }),
  spMetadataUrl: Type.String(),
});

const OverviewSchema = Type.Object({
  endpoints: EndpointsSchema,
  memberApiKeys: Type.Boolean({ description: 'Members signed in through SSO may create their own API keys' }),
  oidc: Type.Union([ConnectionSchema, Type.Null()]),
  saml: Type.Union([ConnectionSchema, Type.Null()]),
});

const KindParams = Type.Object({ kind: Type.Union([Type.Literal('oidc'), Type.Literal('saml')]) });

const toConnection = (view: SsoConnectionView) => ({
  ...view,
  settings: { ...view.settings } as Record<string, unknown>,
});

/** 400 unless `url`'s host is public (or SSO_ALLOW_LOCAL_IDP is on); a URL that does not parse is left to the domain. */
async function requirePublicHost(url: unknown, name: string, urls: IdpUrlPolicy): Promise<void> {
  if (urls.allowLocal || typeof url !== 'string' || !URL.canParse(url)) return;
  const found = await localHostProblem(url);
  if (found !== undefined) throw problem('bad_request', `${name}: ${found}`);
}

/** The SAML settings to store: the metadata XML fetched from its URL when only the URL was given, then checked. */
async function samlSettingsOf(
  settings: Static<typeof SamlSettingsBody>,
  urls: IdpUrlPolicy,
): Promise<Record<string, unknown>> {
  try {
    const url = settings.idpMetadataUrl ?? null;
    if (url !== null) {
      checkIdpUrl(url, 'idpMetadataUrl', urls);
      await requirePublicHost(url, 'idpMetadataUrl', urls);
    }
    const xml = settings.idpMetadataXml ?? (url === null ? undefined : await fetchSamlMetadata(url));
    if (xml === undefined)
      throw problem('bad_request', 'Give the IdP metadata as idpMetadataXml or idpMetadataUrl');
    parseSamlIdpMetadata(xml);
    return { ...settings, idpMetadataXml: xml };
  } catch (error) {
    if (error instanceof SamlError) throw problem('bad_request', `IdP metadata: ${error.message}`);
    throw error;
  }
}

export function registerSsoRoutes(app: AdminApp, services: AdminServices, publicUrl: string): void {
  const { sso } = services;

  app.get(
    '/sso',
    {
      schema: adminSchema({
        summary: 'SSO sign-in: URLs for the IdP, the OIDC and SAML connections, member self-service',
        tags: TAGS,
        response: { 200: OverviewSchema },
      }),
    },
    async (request) => {
      const org = orgOf(request);
      const overview = await sso.overview(org.id);
      return {
        endpoints: ssoEndpointsOf(publicUrl, org),
        memberApiKeys: overview.memberApiKeys,
        oidc: overview.oidc === null ? null : toConnection(overview.oidc),
        saml: overview.saml === null ? null : toConnection(overview.saml),
      };
    },
  );

  app.put(
    '/sso/oidc',
    {
      schema: adminSchema({
        summary: 'Set up sign-in with OpenID Connect (authorization code flow with PKCE)',
        tags: TAGS,
        body: OidcPutBody,
        response: { 200: ConnectionSchema },
      }),
    },
    async (request) => {
      const { enabled, settings, clientSecret } = request.body;
      await requirePublicHost(settings.issuer, 'issuer', sso.urls);
      await requirePublicHost(settings.graphBaseUrl, 'graphBaseUrl', sso.urls);
      const view = await sso.save(orgOf(request).id, 'oidc', {
        enabled,
        settings,
        ...(clientSecret === undefined ? {} : { clientSecret }),
      });
      return toConnection(view);
    },
  );

  app.put(
    '/sso/saml',
    {
      schema: adminSchema({
        summary: 'Set up sign-in with SAML 2.0 (signed assertions required)',
        tags: TAGS,
        body: SamlPutBody,
        response: { 200: ConnectionSchema },
      }),
    },
    async (request) => {
      const settings = await samlSettingsOf(request.body.settings, sso.urls);
      return toConnection(
        await sso.save(orgOf(request).id, 'saml', { enabled: request.body.enabled, settings }),
      );
    },
  );

  app.delete(
    '/sso/:kind',
    {
      schema: adminSchema({
        summary: 'Remove a connection: its links to users and its sessions end with it',
        tags: TAGS,
        params: KindParams,
        response: { 204: NoContent },
      }),
    },
    async (request, reply) => {
      await sso.remove(orgOf(request).id, request.params.kind satisfies SsoKind);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/sso/member-api-keys',
    {
      schema: adminSchema({
        summary: 'Whether members signed in through SSO may create their own API keys',
        tags: TAGS,
        body: Type.Object({ allowed: Type.Boolean() }, { additionalProperties: false }),
        response: { 204: NoContent },
      }),
    },
    async (request, reply) => {
      await sso.setMemberApiKeys(orgOf(request).id, request.body.allowed);
      return reply.code(204).send(null);
    },
  );
}
