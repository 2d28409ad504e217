// Users and teams the identity provider created through SCIM are IdP-managed: the admin API refuses to change their
// IdP-owned fields, their membership or to delete them (409) unless ?force=true, which works and is logged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminRequest, expectProblem, type AdminRequest } from './admin-request.js';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

let t: TestApp;
let api: AdminRequest;
/** What the request loggers were asked to warn about: [bindings, message]. */
let warnings: unknown[][];

beforeEach(async () => {
  t = await createTestApp();
  api = adminRequest(t);
  warnings = [];
  // Every request logs through a child of the app's logger: record what those children warn about.
  const log = t.app.log;
  const child = log.child.bind(log);
  vi.spyOn(log, 'child').mockImplementation((...args: Parameters<typeof log.child>) => {
    const logger = child(...args);
    vi.spyOn(logger, 'warn').mockImplementation((...warning: unknown[]) => {
      warnings.push(warning);
    });
    return logger;
  });
});
afterEach(() => t.close());

async function scim(method: 'POST' | 'PATCH' | 'GET', path: string, body?: object) {
  const res = await t.app.inject({
    method,
    url: `/scim/v2${path}`,
    headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { payload: body }),
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<{ id: string }>();
}

const scimUser = (userName: string) => scim('POST', '/Users', { schemas: [USER_SCHEMA], userName });
const scimGroup = (displayName: string) => scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName });

const keyId = async (): Promise<string> =>
  (await t.muster.store.adminKeys.list()).find((k) => k.orgId === null)?.id ?? '';

describe('IdP-managed users', () => {
  it('show managedBy "scim"', async () => {
    const { id } = await scimUser('idp-ada');
    expect((await api('GET', `/users/${id}`)).json()).toMatchObject({ managedBy: 'scim' });
  });

  it('changing IdP-owned fields → 409 naming them, nothing changes', async () => {
    const { id } = await scimUser('idp-ada');
    const res = await api('PATCH', `/users/${id}`, { body: { displayName: 'Ada', active: false } });
    const problem = expectProblem(res, 409, 'managed-by-idp');
    expect(problem.detail).toBe(
      'User "idp-ada" is managed by your identity provider through SCIM; change it there, or pass force=true to override (IdP-owned fields in this request: displayName, active)',
    );
    expect(problem.fields).toEqual(['displayName', 'active']);
    expect((await api('GET', `/users/${id}`)).json()).toMatchObject({ displayName: null, active: true });
    expect(warnings).toEqual([]);
  });

  it('a PATCH that changes nothing is no override and succeeds', async () => {
    const { id } = await scimUser('idp-ada');
    expect((await api('PATCH', `/users/${id}`, { body: { userName: 'idp-ada' } })).statusCode).toBe(200);
  });

  it('force=true changes them, logs who changed what, and the user stays IdP-managed', async () => {
    const { id } = await scimUser('idp-ada');
    const res = await api('PATCH', `/users/${id}?force=true`, { body: { displayName: 'Ada' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Ada', managedBy: 'scim' });
    expect(warnings).toEqual([
      [
        {
          keyId: await keyId(),
          orgId: t.muster.defaultOrganization.id,
          org: 'default',
          resource: 'user',
          resourceId: id,
          action: 'update',
          fields: ['displayName'],
        },
        'admin API changed an IdP-managed user with force=true',
      ],
    ]);
    // The IdP keeps provisioning it through SCIM as before.
    await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Ada (IdP)' }],
    });
    expect((await api('GET', `/users/${id}`)).json()).toMatchObject({
      displayName: 'Ada (IdP)',
      managedBy: 'scim',
    });
  });

  it('deleting → 409 without force; deleted and logged with force', async () => {
    const { id } = await scimUser('idp-ada');
    const problem = expectProblem(await api('DELETE', `/users/${id}`), 409, 'managed-by-idp');
    expect(problem.detail).toContain('delete it there, or pass force=true to override');
    expect((await api('GET', `/users/${id}`)).statusCode).toBe(200);
    expect((await api('DELETE', `/users/${id}?force=true`)).statusCode).toBe(204);
    expect((await api('GET', `/users/${id}`)).statusCode).toBe(404);
    expect(warnings).toEqual([
      [expect.objectContaining({ resource: 'user', action: 'delete' }), expect.any(String)],
    ]);
  });

  it('an admin-managed user stays admin-managed when SCIM updates it', async () => {
    const created = await api('POST', '/users', { body: { userName: 'ada' } });
    const { id } = created.json<{ id: string }>();
    await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Ada' }],
    });
    expect((await api('GET', `/users/${id}`)).json()).toMatchObject({
      displayName: 'Ada',
      managedBy: 'admin',
    });
  });
});

describe('IdP-managed teams', () => {
  it('renaming → 409; with force it is renamed and logged', async () => {
    const { id } = await scimGroup('IdP Eng');
    const problem = expectProblem(
      await api('PATCH', `/teams/${id}`, { body: { displayName: 'Eng' } }),
      409,
      'managed-by-idp',
    );
    expect(problem.detail).toContain('Team "IdP Eng" is managed by your identity provider through SCIM');
    const res = await api('PATCH', `/teams/${id}?force=true`, { body: { displayName: 'Eng' } });
    expect(res.json()).toMatchObject({ displayName: 'Eng', managedBy: 'scim' });
    expect(warnings).toEqual([
      [
        expect.objectContaining({ resource: 'team', resourceId: id, fields: ['displayName'] }),
        expect.any(String),
      ],
    ]);
  });

  it('changing membership → 409; with force the user is added, and removed, each logged', async () => {
    const team = await scimGroup('IdP Eng');
    const user = await scimUser('idp-ada');
    const path = `/teams/${team.id}/members/${user.id}`;
    const problem = expectProblem(await api('PUT', path), 409, 'managed-by-idp');
    expect(problem.fields).toEqual(['members']);
    expect((await api('PUT', `${path}?force=true`)).statusCode).toBe(204);
    expect((await api('GET', `/teams/${team.id}/members`)).json()).toMatchObject({
      items: [{ id: user.id }],
    });
    expectProblem(await api('DELETE', path), 409, 'managed-by-idp');
    expect((await api('DELETE', `${path}?force=true`)).statusCode).toBe(204);
    expect(warnings).toHaveLength(2);
  });

  it('an admin-managed team takes IdP-managed users as members without force', async () => {
    const team = (await api('POST', '/teams', { body: { displayName: 'Admins' } })).json<{ id: string }>();
    const user = await scimUser('idp-ada');
    expect((await api('PUT', `/teams/${team.id}/members/${user.id}`)).statusCode).toBe(204);
  });

  it('deleting → 409 without force', async () => {
    const { id } = await scimGroup('IdP Eng');
    expectProblem(await api('DELETE', `/teams/${id}`), 409, 'managed-by-idp');
    expect((await api('DELETE', `/teams/${id}?force=true`)).statusCode).toBe(204);
  });
});
