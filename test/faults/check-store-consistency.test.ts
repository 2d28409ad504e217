// The crash test's checker finds each kind of damage it is there to find (and none in consistent rows).
import { describe, expect, it } from 'vitest';
import { findInconsistencies, type StoreRows } from './check-store-consistency.js';

function consistent(): StoreRows {
  const user = (id: string, userName: string) => ({
    org_id: 'o',
    id,
    user_name: userName,
    user_name_key: userName.toLowerCase(),
    external_id: null,
    data: JSON.stringify({ userName }),
  });
  return {
    users: [user('u1', 'Ada@example.com'), user('u2', 'Bob@example.com')],
    groups: [
      {
        org_id: 'o',
        id: 'g1',
        display_name: 'Ops',
        display_name_key: 'ops',
        external_id: null,
        data: JSON.stringify({ displayName: 'Ops' }),
      },
    ],
    members: [{ org_id: 'o', group_id: 'g1', member_id: 'u1', member_type: 'User' }],
    events: [
      { org_id: 'o', seq: 1, type: 'user.created', resource_type: 'user', resource_id: 'u1', data: '{}' },
      { org_id: 'o', seq: 2, type: 'user.created', resource_type: 'user', resource_id: 'u2', data: '{}' },
      { org_id: 'o', seq: 3, type: 'team.created', resource_type: 'team', resource_id: 'g1', data: '{}' },
      {
        org_id: 'o',
        seq: 4,
        type: 'team.member_added',
        resource_type: 'team',
        resource_id: 'g1',
        data: JSON.stringify({ teamId: 'g1', memberId: 'u1', memberType: 'User' }),
      },
    ],
    sequences: [{ org_id: 'o', last_seq: 4 }],
  };
}

const damages: readonly [string, (rows: StoreRows) => void, RegExp][] = [
  [
    'a cut-off user document',
    (r) => void (r.users[0]!['data'] = '{"userName":"Ada@exa'),
    /data is not a JSON object/,
  ],
  ['a userName key that disagrees', (r) => void (r.users[1]!['user_name_key'] = 'x'), /user_name_key/],
  ['a cut-off group document', (r) => void (r.groups[0]!['data'] = '{'), /group g1: data is not/],
  [
    'a membership of a missing user',
    (r) => r.members.push({ org_id: 'o', group_id: 'g1', member_id: 'u9', member_type: 'User' }),
    /membership of missing User u9/,
  ],
  [
    'a membership in a missing group',
    (r) => r.members.push({ org_id: 'o', group_id: 'g9', member_id: 'u2', member_type: 'User' }),
    /membership in missing group g9/,
  ],
  ['a user without its event', (r) => void r.events.splice(1, 1), /user o\|u2: row without its event|gap/],
  [
    'an event without its user',
    (r) => {
      r.users.splice(1, 1);
    },
    /user o\|u2: event without its row/,
  ],
  [
    'a sequence ahead of the events',
    (r) => void (r.sequences[0]!['last_seq'] = 5),
    /last_seq 5 but 4 events/,
  ],
  [
    'a membership without its event',
    (r) => r.members.push({ org_id: 'o', group_id: 'g1', member_id: 'u2', member_type: 'User' }),
    /membership o\|g1\|u2: row without its event/,
  ],
];

describe('findInconsistencies', () => {
  it('finds nothing in consistent rows', () => {
    expect(findInconsistencies(consistent())).toEqual([]);
  });

  it.each(damages)('finds %s', (_name, damage, expected) => {
    const rows = consistent();
    damage(rows);
    expect(findInconsistencies(rows).join('\n')).toMatch(expected);
  });
});
