// Where SSO settings may send this server: IdP URLs an organization's admin types in are fetched by Muster (OIDC
// discovery, SAML metadata) or receive secrets (the client secret, users' access tokens). Unless SSO_ALLOW_LOCAL_IDP
// is on, a host that resolves to this machine or a private network is refused, so that the settings cannot reach
// services behind the firewall (cloud metadata endpoints, admin ports). Checked when the settings are saved.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const LOCAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  LOCAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  LOCAL.addSubnet(network, prefix, 'ipv6');
}

/** Whether `address` (IPv4 or IPv6, IPv4-mapped included) is loopback, private, link-local, multicast or reserved. */
export function isLocalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return LOCAL.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return LOCAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Undefined when `url`'s host resolves only to public addresses; otherwise why not (unresolvable, or a local address).
 * `lookupHost` is for tests.
 */
export async function localHostProblem(
  url: string,
  lookupHost: (host: string) => Promise<readonly string[]> = resolveAll,
): Promise<string | undefined> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: readonly string[];
  try {
    addresses = isIP(host) === 0 ? await lookupHost(host) : [host];
  } catch {
    return `the host ${host} cannot be resolved`;
  }
  if (addresses.length === 0) return `the host ${host} cannot be resolved`;
  const local = addresses.find(isLocalAddress);
  return local === undefined
    ? undefined
    : `${host} is a local or private address (${local}); set SSO_ALLOW_LOCAL_IDP=on to allow IdPs on this network`;
}

async function resolveAll(host: string): Promise<readonly string[]> {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}
