// Reads the group memberships an IdP put in its ID token or userinfo claims, under the claim name the admin set.

export type GroupsClaim = { kind: 'groups'; groups: string[] } | { kind: 'overage' } | { kind: 'absent' };

/**
 * `claimName` is a top-level claim (`groups`, also a namespaced one such as `https://muster.example/groups`) or,
 * when no claim has that exact name, a dotted path into nested objects (Keycloak's `realm_access.roles`).
 *
 * Overage: when a user is in too many groups, Entra ID leaves the groups claim out and says where to fetch it
 * instead, as an OIDC distributed claim (OIDC Core §5.6.2: `_claim_names` names a source in `_claim_sources`);
 * in tokens from the implicit flow it sends `hasgroups: true` instead.
 */
export function readGroupsClaim(claims: Readonly<Record<string, unknown>>, claimName: string): GroupsClaim {
  const value = valueAt(claims, claimName);
  if (value !== undefined && value !== null) return { kind: 'groups', groups: toGroups(value, claimName) };
  if (isDistributed(claims, claimName) || claims['hasgroups'] === true) return { kind: 'overage' };
  return { kind: 'absent' };
}

function valueAt(claims: Readonly<Record<string, unknown>>, claimName: string): unknown {
  if (Object.hasOwn(claims, claimName)) return claims[claimName];
  let current: unknown = claims;
  for (const segment of claimName.split('.')) {
    if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

function toGroups(value: unknown, claimName: string): string[] {
  // A lone string is one group (some IdPs send a single membership unwrapped).
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const groups: string[] = [];
    for (const [index, item] of value.entries()) {
      // One odd item means the claim is not what the admin thinks it is: refuse it rather than sign the user
      // in with a partial membership.
      if (typeof item !== 'string') {
        throw new Error(
          `The "${claimName}" claim is malformed: item ${index} is ${describeType(item)}, not a group name.`,
        );
      }
      groups.push(item);
    }
    return groups;
  }
  throw new Error(
    `The "${claimName}" claim is malformed: expected a list of group names, got ${describeType(value)}.`,
  );
}

function isDistributed(claims: Readonly<Record<string, unknown>>, claimName: string): boolean {
  const names = claims['_claim_names'];
  const sources = claims['_claim_sources'];
  if (!isObject(names) || !isObject(sources)) return false;
  const source = names[claimName];
  return typeof source === 'string' && Object.hasOwn(sources, source) && isObject(sources[source]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
