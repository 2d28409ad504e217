// What a sign-in does besides signing in, the same for OIDC and SAML: which groups it reads (and where), whether
// they become teams, whether it also removes memberships, which groups make admins, and how it finds the user.
import { linesOf, ssoSetting, type SsoSettings } from './sso-setting';

type TeamCreation = 'create' | 'existing';
type MembershipSync = 'add_only' | 'full';
type RoleMapping = { group: string; role: 'admin' | 'member' };

export interface SsoSyncValues {
  readonly groupsClaim: string;
  readonly teamCreation: TeamCreation;
  readonly membershipSync: MembershipSync;
  /** One group per line. */
  readonly allowedGroups: string;
  /** One group per line: the roleMappings with role admin. */
  readonly adminGroups: string;
  /** Mappings to any other role, which this form does not show: kept as they are on save. */
  readonly otherMappings: readonly RoleMapping[];
  readonly linkByEmail: boolean;
  readonly createUsers: boolean;
}

function roleMappingsOf(settings: SsoSettings | undefined): RoleMapping[] {
  const value = settings?.['roleMappings'];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { group, role } = item as Record<string, unknown>;
    return typeof group === 'string' && (role === 'admin' || role === 'member') ? [{ group, role }] : [];
  });
}

export function ssoSyncValuesOf(settings: SsoSettings | undefined): SsoSyncValues {
  const mappings = roleMappingsOf(settings);
  return {
    groupsClaim: ssoSetting.text(settings, 'groupsClaim', 'groups'),
    teamCreation: ssoSetting.choice(settings, 'teamCreation', ['create', 'existing']),
    membershipSync: ssoSetting.choice(settings, 'membershipSync', ['add_only', 'full']),
    allowedGroups: ssoSetting.list(settings, 'allowedGroups').join('\n'),
    adminGroups: mappings
      .filter((mapping) => mapping.role === 'admin')
      .map((mapping) => mapping.group)
      .join('\n'),
    otherMappings: mappings.filter((mapping) => mapping.role !== 'admin'),
    linkByEmail: ssoSetting.flag(settings, 'linkByEmail'),
    createUsers: ssoSetting.flag(settings, 'createUsers'),
  };
}

/** The policy part of a PUT /sso/{kind} body. */
export function toSyncSettings(values: SsoSyncValues) {
  const groupsClaim = values.groupsClaim.trim();
  return {
    ...(groupsClaim === '' ? {} : { groupsClaim }),
    teamCreation: values.teamCreation,
    membershipSync: values.membershipSync,
    allowedGroups: linesOf(values.allowedGroups),
    roleMappings: [
      ...linesOf(values.adminGroups).map((group): RoleMapping => ({ group, role: 'admin' })),
      ...values.otherMappings,
    ],
    linkByEmail: values.linkByEmail,
    createUsers: values.createUsers,
  };
}

const TEAM_CREATION: readonly { value: TeamCreation; label: string; hint: string }[] = [
  { value: 'create', label: 'Create teams', hint: 'A group without a team becomes one.' },
  { value: 'existing', label: 'Join existing teams only', hint: 'Groups without a team are ignored.' },
];

const MEMBERSHIP_SYNC: readonly { value: MembershipSync; label: string; hint: string }[] = [
  { value: 'add_only', label: 'Add only', hint: 'A sign-in adds the person to the teams of their groups.' },
  {
    value: 'full',
    label: 'Full sync',
    hint: 'A sign-in also removes the memberships earlier sign-ins added for groups no longer reported.',
  },
];

export function SsoSyncFields({
  kind,
  values,
  onChange,
}: {
  kind: 'oidc' | 'saml';
  values: SsoSyncValues;
  onChange: (change: Partial<SsoSyncValues>) => void;
}) {
  const id = (name: string) => `${kind}-${name}`;
  return (
    <>
      <h3 className="sso-section-title">Groups, teams and roles</h3>
      <div className="field">
        <label htmlFor={id('groups-claim')}>{kind === 'oidc' ? 'Groups claim' : 'Groups attribute'}</label>
        <input
          id={id('groups-claim')}
          autoComplete="off"
          spellCheck={false}
          value={values.groupsClaim}
          aria-describedby={id('groups-claim-hint')}
          onChange={(event) => {
            onChange({ groupsClaim: event.target.value });
          }}
        />
        <p className="hint" id={id('groups-claim-hint')}>
          {kind === 'oidc'
            ? 'The ID token claim with the groups; dotted for a nested claim, e.g. realm_access.roles.'
            : 'The SAML attribute with the groups, e.g. http://schemas.microsoft.com/ws/2008/06/identity/claims/groups for Entra ID.'}
        </p>
      </div>
      <fieldset className="sso-choice">
        <legend>Teams from groups</legend>
        {TEAM_CREATION.map((choice) => (
          <label key={choice.value} className="sso-choice-option">
            <input
              type="radio"
              name={id('team-creation')}
              value={choice.value}
              checked={values.teamCreation === choice.value}
              onChange={() => {
                onChange({ teamCreation: choice.value });
              }}
            />
            <span>
              <span className="sso-choice-label">{choice.label}</span>
              <span className="hint">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="sso-choice" aria-describedby={id('membership-sync-hint')}>
        <legend>Team memberships</legend>
        {MEMBERSHIP_SYNC.map((choice) => (
          <label key={choice.value} className="sso-choice-option">
            <input
              type="radio"
              name={id('membership-sync')}
              value={choice.value}
              checked={values.membershipSync === choice.value}
              onChange={() => {
                onChange({ membershipSync: choice.value });
              }}
            />
            <span>
              <span className="sso-choice-label">{choice.label}</span>
              <span className="hint">{choice.hint}</span>
            </span>
          </label>
        ))}
        <p className="hint" id={id('membership-sync-hint')}>
          Full sync never removes a membership SCIM or an admin manages: only those a sign-in added.
        </p>
      </fieldset>
      <div className="form-row sso-row">
        <div className="field">
          <label htmlFor={id('allowed-groups')}>Allowed groups</label>
          <textarea
            id={id('allowed-groups')}
            rows={4}
            spellCheck={false}
            value={values.allowedGroups}
            aria-describedby={id('allowed-groups-hint')}
            onChange={(event) => {
              onChange({ allowedGroups: event.target.value });
            }}
          />
          <p className="hint" id={id('allowed-groups-hint')}>
            One group per line, as the identity provider sends it (Entra: the object id; Okta: the name): only
            these become or join teams. Empty: every group.
          </p>
        </div>
        <div className="field">
          <label htmlFor={id('admin-groups')}>Admin groups</label>
          <textarea
            id={id('admin-groups')}
            rows={4}
            spellCheck={false}
            value={values.adminGroups}
            aria-describedby={id('admin-groups-hint')}
            onChange={(event) => {
              onChange({ adminGroups: event.target.value });
            }}
          />
          <p className="hint" id={id('admin-groups-hint')}>
            One group per line, as the identity provider sends it: its members manage this organization in the
            console. Everyone else signs in as a member, who sees only their own account.
          </p>
        </div>
      </div>
      <h3 className="sso-section-title">Finding the user</h3>
      <div className="sso-checks">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.linkByEmail}
            aria-describedby={id('link-by-email-hint')}
            onChange={(event) => {
              onChange({ linkByEmail: event.target.checked });
            }}
          />
          Link by verified email
        </label>
        <p className="hint" id={id('link-by-email-hint')}>
          A first sign-in no externalId matches links to the user with the same email, when the identity
          provider says the email is verified.
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.createUsers}
            aria-describedby={id('create-users-hint')}
            onChange={(event) => {
              onChange({ createUsers: event.target.checked });
            }}
          />
          Create users
        </label>
        <p className="hint" id={id('create-users-hint')}>
          A sign-in no user matches creates one. Off: only users SCIM or an admin created can sign in.
        </p>
      </div>
    </>
  );
}
