import { describe, expect, it } from 'vitest';
import { addressSpaceOf, mayRequest, parseIpv6, type AddressSpace } from '@/utils/net/address-space';

/** Each URL as a user (or a hostile page) would write it; the URL parser normalises before classification. */
const CASES: [string, AddressSpace][] = [
  // Loopback, every spelling the URL parser turns into 127.0.0.1 or ::1
  ['http://127.0.0.1/', 'loopback'],
  ['http://127.1.2.3:8080/x', 'loopback'],
  ['http://2130706433/', 'loopback'], // decimal
  ['http://0x7f000001/', 'loopback'], // hex
  ['http://0x7f.1/', 'loopback'], // hex + shortened
  ['http://0177.0.0.1/', 'loopback'], // octal
  ['http://127.1/', 'loopback'], // shortened
  ['http://localhost/', 'loopback'],
  ['http://LOCALHOST./', 'loopback'],
  ['http://api.localhost/', 'loopback'],
  ['http://0.0.0.0/', 'loopback'],
  ['http://0/', 'loopback'],
  ['http://[::1]/', 'loopback'],
  ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
  ['http://[::]/', 'loopback'],
  ['http://[::ffff:127.0.0.1]/', 'loopback'], // IPv4-mapped
  ['http://[::ffff:7f00:1]/', 'loopback'],
  // Private: RFC 1918, link-local, CGNAT, unique-local IPv6, local-only names
  ['http://10.0.0.1/', 'private'],
  ['http://167772161/', 'private'], // 10.0.0.1 in decimal
  ['http://172.16.0.1/', 'private'],
  ['http://172.31.255.255/', 'private'],
  ['http://192.168.1.1/', 'private'],
  ['http://0xc0.0xa8.1.1/', 'private'], // 192.168.1.1 in hex
  ['http://169.254.169.254/latest/meta-data/', 'private'], // cloud metadata
  ['http://100.64.0.1/', 'private'],
  ['http://[fd00::1]/', 'private'],
  ['http://[fe80::1]/', 'private'],
  ['http://[::ffff:192.168.0.1]/', 'private'],
  ['http://[::ffff:10.1.2.3]/', 'private'],
  ['http://[64:ff9b::c0a8:101]/', 'private'], // NAT64 of 192.168.1.1
  ['http://[2002:c0a8:101::1]/', 'private'], // 6to4 of 192.168.1.1
  ['http://router/', 'private'],
  ['http://printer.local/', 'private'],
  ['http://nas.home.arpa/', 'private'],
  ['http://224.0.0.1/', 'private'],
  // Public
  ['https://news.example.com/story', 'public'],
  ['http://8.8.8.8/', 'public'],
  ['http://172.32.0.1/', 'public'],
  ['http://172.15.0.1/', 'public'],
  ['http://192.169.0.1/', 'public'],
  ['http://100.128.0.1/', 'public'],
  ['http://[2001:db8::1]/', 'public'],
  ['http://[::ffff:8.8.8.8]/', 'public'],
  ['http://127.0.0.1.nip.io/', 'public'], // a name: resolves to loopback, but names cannot be checked (README)
];

describe('addressSpaceOf', () => {
  it.each(CASES)('%s is %s', (url, space) => {
    expect(addressSpaceOf(url)).toBe(space);
  });

  it('treats what it cannot parse as the most private space', () => {
    expect(addressSpaceOf('not a url')).toBe('loopback');
  });
});

describe('parseIpv6', () => {
  it('expands compressed forms and trailing dotted quads', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('refuses what is not an address', () => {
    for (const bad of ['1::2::3', '1:2:3', 'g::1', '1:2:3:4:5:6:7:8:9']) expect(parseIpv6(bad)).toBeNull();
  });
});

describe('mayRequest (Private Network Access: never towards a more private space)', () => {
  it.each<[AddressSpace, AddressSpace, boolean]>([
    ['public', 'public', true],
    ['private', 'public', false],
    ['loopback', 'public', false],
    ['public', 'private', true],
    ['private', 'private', true],
    ['loopback', 'private', false],
    ['public', 'loopback', true],
    ['private', 'loopback', true],
    ['loopback', 'loopback', true],
  ])('%s target from a %s page: %s', (target, initiator, allowed) => {
    expect(mayRequest(target, initiator)).toBe(allowed);
  });
  it('a request without an initiator counts as coming from a public page', () => {
    expect(mayRequest('loopback')).toBe(false);
    expect(mayRequest('public')).toBe(true);
  });
});
