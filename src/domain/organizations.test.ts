import { describe, expect, it } from 'vitest';
import { ensureOrganization, isOrganizationSlug } from './organizations.js';
import type { Organization, OrganizationRepo } from './ports.js';

function fakeRepo(options: { raceOnInsert?: Organization } = {}) {
  const orgs: Organization[] = [];
  const repo: OrganizationRepo = {
    findBySlug: (slug) => Promise.resolve(orgs.find((o) => o.slug === slug)),
    findById: (id) => Promise.resolve(orgs.find((o) => o.id === id)),
    insert: (org) => {
      if (options.raceOnInsert !== undefined) {
        // Another process inserted the same slug between our lookup and our insert.
        orgs.push(options.raceOnInsert);
        return Promise.reject(new Error('UNIQUE constraint failed: organizations.slug'));
      }
      orgs.push(org);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...orgs]),
  };
  return { store: { organizations: repo }, orgs };
}

const clock = { now: () => new Date('2026-02-03T04:05:06.007Z') };
let seq = 0;
const ids = { newId: () => `org-${++seq}` };

describe('ensureOrganization', () => {
  it('creates the organization once, then finds it by slug', async () => {
    const { store, orgs } = fakeRepo();
    const first = await ensureOrganization(store, clock, ids, 'acme', 'Acme Corp');
    expect(first).toMatchObject({ slug: 'acme', name: 'Acme Corp', createdAt: '2026-02-03T04:05:06.007Z' });
    const again = await ensureOrganization(store, clock, ids, 'acme');
    expect(again).toEqual(first);
    expect(orgs).toHaveLength(1);
  });

  it('names the organization after its slug by default', async () => {
    const { store } = fakeRepo();
    expect((await ensureOrganization(store, clock, ids, 'default')).name).toBe('default');
  });

  it('returns the row another process inserted first', async () => {
    const winner: Organization = {
      id: 'winner',
      slug: 'acme',
      name: 'acme',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const { store } = fakeRepo({ raceOnInsert: winner });
    expect(await ensureOrganization(store, clock, ids, 'acme')).toEqual(winner);
  });

  it.each(['', 'Acme', 'acme corp', '-acme', 'a'.repeat(64), 'acme_1', 'ümlaut'])(
    'rejects slug %j with invalidValue',
    async (slug) => {
      const { store, orgs } = fakeRepo();
      await expect(ensureOrganization(store, clock, ids, slug)).rejects.toMatchObject({
        status: 400,
        scimType: 'invalidValue',
      });
      expect(orgs).toHaveLength(0);
    },
  );

  it.each(['a', '0', 'acme', 'acme-2', 'a'.repeat(63), 'a-'])('accepts slug %j', (slug) => {
    expect(isOrganizationSlug(slug)).toBe(true);
  });
});
