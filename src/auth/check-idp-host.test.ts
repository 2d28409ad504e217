import { describe, expect, it } from 'vitest';
import { isLocalAddress, localHostProblem } from './check-idp-host.js';

describe('isLocalAddress', () => {
  const cases: readonly { readonly address: string; readonly local: boolean; readonly what: string }[] = [
    { address: '127.0.0.1', local: true, what: 'IPv4 loopback' },
    { address: '10.1.2.3', local: true, what: 'private 10/8' },
    { address: '172.16.0.1', local: true, what: 'private 172.16/12, first block' },
    { address: '172.31.255.254', local: true, what: 'private 172.16/12, last block' },
    { address: '172.32.0.1', local: false, what: 'public, just past 172.16/12' },
    { address: '192.168.1.1', local: true, what: 'private 192.168/16' },
    { address: '169.254.169.254', local: true, what: 'link-local (cloud metadata endpoint)' },
    { address: '100.64.0.1', local: true, what: 'carrier-grade NAT 100.64/10' },
    { address: '0.0.0.0', local: true, what: '"this host" 0/8' },
    { address: '224.0.0.1', local: true, what: 'IPv4 multicast' },
    { address: '8.8.8.8', local: false, what: 'public IPv4' },
    { address: '::1', local: true, what: 'IPv6 loopback' },
    { address: '::', local: true, what: 'IPv6 unspecified' },
    { address: 'fe80::1', local: true, what: 'IPv6 link-local' },
    { address: 'fd00::1', local: true, what: 'IPv6 unique local' },
    { address: 'ff02::1', local: true, what: 'IPv6 multicast' },
    { address: '::ffff:127.0.0.1', local: true, what: 'IPv4-mapped loopback' },
    { address: '::FFFF:10.0.0.1', local: true, what: 'IPv4-mapped private, upper case' },
    { address: '::ffff:8.8.8.8', local: false, what: 'IPv4-mapped public' },
    { address: '2606:4700::1', local: false, what: 'public IPv6' },
    { address: 'not-an-ip', local: true, what: 'not an address at all (refused, never trusted)' },
    { address: '', local: true, what: 'empty' },
  ];

  it.each(cases)('says $address ($what) is local: $local', ({ address, local }) => {
    expect(isLocalAddress(address)).toBe(local);
  });
});

/** A resolver answering from a table, recording the hosts it was asked for. */
function fakeLookup(table: Readonly<Record<string, readonly string[]>>) {
  const asked: string[] = [];
  const lookup = (host: string): Promise<readonly string[]> => {
    asked.push(host);
    const found = table[host];
    return found === undefined
      ? Promise.reject(new Error(`getaddrinfo ENOTFOUND ${host}`))
      : Promise.resolve(found);
  };
  return { lookup, asked };
}

describe('localHostProblem', () => {
  it('finds no problem when the host resolves only to public addresses', async () => {
    const dns = fakeLookup({ 'idp.example.com': ['93.184.216.34', '2606:2800:220:1::1'] });
    await expect(
      localHostProblem('https://idp.example.com/realms/acme', dns.lookup),
    ).resolves.toBeUndefined();
    expect(dns.asked).toEqual(['idp.example.com']);
  });

  it('names the private address when one is among public ones, and how to allow it', async () => {
    const dns = fakeLookup({ 'idp.example.com': ['93.184.216.34', '10.0.0.7', '2606:2800:220:1::1'] });
    const problem = await localHostProblem('https://idp.example.com/metadata', dns.lookup);
    expect(problem).toBeDefined();
    expect(problem).toContain('idp.example.com');
    expect(problem).toContain('10.0.0.7');
    expect(problem).toContain('SSO_ALLOW_LOCAL_IDP');
  });

  it('refuses a host resolving to an IPv4-mapped loopback address', async () => {
    const dns = fakeLookup({ 'idp.example.com': ['::ffff:127.0.0.1'] });
    const problem = await localHostProblem('https://idp.example.com', dns.lookup);
    expect(problem).toContain('::ffff:127.0.0.1');
  });

  it('says a host that does not resolve cannot be resolved', async () => {
    const dns = fakeLookup({});
    const problem = await localHostProblem('https://nowhere.example.com/metadata', dns.lookup);
    expect(problem).toBe('the host nowhere.example.com cannot be resolved');
  });

  const literals: readonly { readonly url: string; readonly address: string }[] = [
    { url: 'https://10.0.0.1/', address: '10.0.0.1' },
    { url: 'https://[::1]/', address: '::1' },
    { url: 'https://[fd00::1]:8443/metadata', address: 'fd00::1' },
  ];

  it.each(literals)('refuses the IP-literal host of $url without resolving it', async ({ url, address }) => {
    const dns = fakeLookup({});
    const problem = await localHostProblem(url, dns.lookup);
    expect(problem).toContain(address);
    expect(problem).toContain('SSO_ALLOW_LOCAL_IDP');
    expect(dns.asked).toEqual([]);
  });

  it('accepts a public IP-literal host without resolving it', async () => {
    const dns = fakeLookup({});
    await expect(localHostProblem('https://8.8.8.8/metadata', dns.lookup)).resolves.toBeUndefined();
    expect(dns.asked).toEqual([]);
  });
});
