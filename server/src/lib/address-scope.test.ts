// Which client addresses share one login limit.
import { describe, expect, it } from 'vitest';
import { addressScope } from './address-scope';

describe('addressScope', () => {
  it('keeps an IPv4 address and unwraps an IPv4-mapped one', () => {
    expect(addressScope('203.0.113.7')).toBe('203.0.113.7');
    expect(addressScope('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('puts every address of one IPv6 /64 together, however it is written', () => {
    const scope = addressScope('2001:db8:12:34::1');
    expect(scope).toBe('2001:db8:12:34::/64');
    expect(addressScope('2001:0db8:0012:0034:ffff:1:2:3')).toBe(scope);
    expect(addressScope('2001:DB8:12:34:abcd::9%eth0')).toBe(scope);
    expect(addressScope('2001:db8:12:35::1')).not.toBe(scope);
    expect(addressScope('::1')).toBe('0:0:0:0::/64');
  });

  it('names a missing or malformed address as one shared scope', () => {
    expect(addressScope(null)).toBe('unknown');
    expect(addressScope('not-an-ip')).toBe('unknown');
  });
});
