// Microsoft Entra ID's provisioning sequence, sent over HTTP with the token and tenant URL an admin copied from the
// console: Test Connection, a user created after its existence check, a group created after its lookup, members added,
// and a user deactivated with the string "False". Bodies as Entra sends them (shared/design/IDP-NOTES.md; Microsoft
// Learn "Tutorial: Develop and plan provisioning for a SCIM endpoint").
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface EntraPerson {
  readonly userName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly externalId: string;
  /** Sent as `displayName` when given, as Entra's default attribute mapping does. */
  readonly displayName?: string;
}

export interface ScimAnswer {
  readonly status: number;
  readonly body: unknown;
}

export class EntraProvisioning {
  constructor(
    private readonly tenantUrl: string,
    private readonly token: string,
  ) {}

  async send(method: string, path: string, body?: unknown): Promise<ScimAnswer> {
    const response = await fetch(`${this.tenantUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: 'application/scim+json',
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json; charset=utf-8' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  /** "Test Connection": a userName that cannot exist. */
  testConnection(): Promise<ScimAnswer> {
    return this.send(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "a3c5a5f0-5d2b-4d2a-9d4c-test-connection"')}`,
    );
  }

  /** Looks the user up by userName, then creates it; answers the new id. */
  async createUser(person: EntraPerson): Promise<string> {
    const lookup = await this.send(
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${person.userName}"`)}`,
    );
    expectStatus(lookup, 200, 'user lookup');
    const created = await this.send('POST', '/Users', {
      schemas: [USER_SCHEMA, ENTERPRISE_USER],
      externalId: person.externalId,
      userName: person.userName,
      active: true,
      ...(person.displayName === undefined ? {} : { displayName: person.displayName }),
      emails: [{ primary: true, type: 'work', value: person.userName }],
      meta: { resourceType: 'User' },
      name: {
        formatted: `${person.givenName} ${person.familyName}`,
        familyName: person.familyName,
        givenName: person.givenName,
      },
      roles: [],
    });
    expectStatus(created, 201, 'user create');
    return idOf(created);
  }

  /** Looks the group up by displayName (without members), then creates it; answers the new id. */
  async createGroup(displayName: string, externalId: string): Promise<string> {
    const filter = encodeURIComponent(`displayName eq "${displayName}"`);
    expectStatus(
      await this.send('GET', `/Groups?excludedAttributes=members&filter=${filter}`),
      200,
      'group lookup',
    );
    const created = await this.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId,
      displayName,
      meta: { resourceType: 'Group' },
    });
    expectStatus(created, 201, 'group create');
    return idOf(created);
  }

  async addMembers(groupId: string, userIds: readonly string[]): Promise<ScimAnswer> {
    return this.send('PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: 'members', value: userIds.map((value) => ({ value })) }],
    });
  }

  /** Entra's deactivation when the user is unassigned or disabled: a string boolean. */
  async deactivate(userId: string): Promise<ScimAnswer> {
    return this.send('PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
  }
}

function expectStatus(answer: ScimAnswer, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(`Entra ${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

function idOf(answer: ScimAnswer): string {
  const body = answer.body as { id?: unknown } | undefined;
  if (typeof body?.id !== 'string') throw new Error(`no id in ${JSON.stringify(answer.body)}`);
  return body.id;
}
