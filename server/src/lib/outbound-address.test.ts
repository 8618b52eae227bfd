// Small: internal addresses are recognised in every notation an attacker may use to reach them.
import { describe, expect, it } from 'vitest';
import { internalAddressClass, parseIpAddress } from './outbound-address';

const classOf = (text: string) => {
  const address = parseIpAddress(text);
  if (!address) throw new Error(`${text} did not parse`);
  return internalAddressClass(address);
};

describe('internalAddressClass', () => {
  it.each([
    // loopback, in every notation the audit lists and more
    ['127.0.0.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    // IPv4-mapped IPv6 reaches the IPv4 address
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    // unspecified: 0.0.0.0 means "this host" to connect()
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
    // cloud metadata, however written
    ['169.254.169.254', 'cloud metadata'],
    ['2852039166', 'cloud metadata'],
    ['0xa9fea9fe', 'cloud metadata'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    // private networks (Redis and Postgres live here), CGNAT, unique-local
    ['10.20.3.4', 'private'],
    ['012.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'CGNAT'],
    ['100.100.100.200', 'CGNAT'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    // not routable on the internet, or tunnels to an IPv4 address we cannot see
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['64:ff9b::7f00:1', 'reserved'],
    ['2002:7f00:1::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:0:7f00:1', 'reserved'],
  ])('%s is %s', (text, expected) => expect(classOf(text)).toBe(expected));

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '134744072',
  ])('%s is public', (text) => expect(classOf(text)).toBeNull());
});

describe('parseIpAddress', () => {
  it('returns null for host names and malformed addresses', () => {
    for (const text of ['localhost', 'example.com', '', '1.2.3.4.5', '[example.com]', '256.1.1.1', '::g']) {
      expect(parseIpAddress(text)).toBeNull();
    }
  });

  it('turns IPv4-mapped IPv6 into the IPv4 address', () => {
    expect(parseIpAddress('::ffff:127.0.0.1')?.toString()).toBe('127.0.0.1');
    expect(parseIpAddress('[::ffff:a01:203]')?.toString()).toBe('10.1.2.3');
  });
});
