// The user payloads both systems serve: the same SCIM-shaped JSON, so the baseline answers with a body of the same size.
import { createHash } from 'node:crypto';

/** A deterministic UUID-shaped id for the baseline's row `i` (the baseline has no id generator of its own). */
export function baselineUserId(i) {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** The baseline's API key `i`: the shape of a Muster key (`mk_` + 43 base64url characters). */
export function baselineKey(i) {
  return `mk_${createHash('sha256').update(`bench-key-${i}`).digest('base64url').slice(0, 43)}`;
}

/** What the baseline answers for key `i`: the same fields Muster's verify returns. */
export function baselineKeyIdentity(i) {
  return {
    valid: true,
    key: {
      id: `00000000-0000-4000-9000-${i.toString(16).padStart(12, '0')}`,
      name: 'bench',
      ownerType: 'user',
      expiresAt: null,
    },
    org: { id: '00000000-0000-4000-a000-000000000001', slug: 'default' },
    user: { id: baselineUserId(i), userName: userNameOf('user', i), displayName: `Bench User ${i}` },
    teams: [],
  };
}

/** The userName of seeded user `i` of a run; `prefix` keeps the directories of different tenants apart. */
export function userNameOf(prefix, i) {
  return `${prefix}${i}@bench.example`;
}

/** The body an IdP would POST to /Users for user `i` (an Entra-like core + enterprise payload). */
export function userPayload(prefix, i) {
  const userName = userNameOf(prefix, i);
  return {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ],
    externalId: `ext-${prefix}${i}`,
    userName,
    active: true,
    displayName: `Bench User ${i}`,
    name: { givenName: 'Bench', familyName: `User ${i}`, formatted: `Bench User ${i}` },
    emails: [{ value: userName, type: 'work', primary: true }],
    title: 'Engineer',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: `Dept ${i % 50}` },
  };
}

/** The stored representation of the baseline's row `i`: the payload plus id and meta, as a SCIM server returns it. */
export function baselineUserRow(i) {
  const id = baselineUserId(i);
  return {
    ...userPayload('user', i),
    id,
    meta: {
      resourceType: 'User',
      created: '2025-01-01T00:00:00.000Z',
      lastModified: '2025-01-01T00:00:00.000Z',
      location: `http://127.0.0.1/scim/v2/Users/${id}`,
      version: `W/"${i.toString(36)}"`,
    },
  };
}
