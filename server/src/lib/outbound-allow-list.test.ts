// Small: NOTIFY_ALLOWED_HOSTS opens exactly the listed networks and names, and no allow-list opens metadata or 0.0.0.0.
import { describe, expect, it } from 'vitest';
import { addressRefusal, EMPTY_ALLOW_LIST, isAllowedHost, parseAllowList } from './outbound-allow-list';
import { parseIpAddress } from './outbound-address';

const ip = (text: string) => {
  const address = parseIpAddress(text);
  if (!address) throw new Error(`${text} did not parse`);
  return address;
};

describe('parseAllowList', () => {
  const list = parseAllowList([
    ' 10.20.0.0/16 ',
    'SIEM.City.Local.',
    '192.168.7.9',
    'fd12:3456::/48',
    '',
    '::ffff:172.16.0.0/108',
  ]);

  it('matches listed networks, addresses and names, however the host is written', () => {
    expect(isAllowedHost(list, '10.20.255.1')).toBe(true);
    expect(isAllowedHost(list, '[::ffff:10.20.0.7]')).toBe(true);
    expect(isAllowedHost(list, '192.168.7.9')).toBe(true);
    expect(isAllowedHost(list, '[fd12:3456:0:1::5]')).toBe(true);
    expect(isAllowedHost(list, '172.16.3.3')).toBe(true);
    expect(isAllowedHost(list, 'siem.city.local')).toBe(true);
    expect(isAllowedHost(list, 'siem.city.local.')).toBe(true);
  });

  it('matches nothing else', () => {
    expect(isAllowedHost(list, '10.21.0.1')).toBe(false);
    expect(isAllowedHost(list, '192.168.7.10')).toBe(false);
    expect(isAllowedHost(list, 'other.city.local')).toBe(false);
    expect(isAllowedHost(list, 'evil.siem.city.local')).toBe(false);
    expect(isAllowedHost(EMPTY_ALLOW_LIST, '127.0.0.1')).toBe(false);
  });

  it.each(['10.20.0.0/33', '10.20.0.0/', 'http://relay.city.local', 'relay city', '*.city.local', 'a..b'])(
    'refuses the malformed entry %j',
    (entry) => expect(() => parseAllowList([entry])).toThrow(/NOTIFY_ALLOWED_HOSTS/),
  );
});

describe('addressRefusal', () => {
  const list = parseAllowList(['10.20.0.0/16', '0.0.0.0/0', '169.254.0.0/16']);

  it('lets public addresses through without any list', () => {
    expect(addressRefusal(EMPTY_ALLOW_LIST, ip('93.184.216.34'), false)).toBeNull();
  });

  it('refuses internal addresses unless their network or the host name is listed', () => {
    expect(addressRefusal(EMPTY_ALLOW_LIST, ip('10.20.1.1'), false)).toBe('private');
    expect(addressRefusal(parseAllowList(['10.20.0.0/16']), ip('10.20.1.1'), false)).toBeNull();
    expect(addressRefusal(parseAllowList(['10.20.0.0/16']), ip('10.30.1.1'), false)).toBe('private');
    expect(addressRefusal(EMPTY_ALLOW_LIST, ip('127.0.0.1'), true)).toBeNull();
  });

  it('never opens unspecified, multicast, broadcast or metadata addresses', () => {
    for (const text of [
      '0.0.0.0',
      '::',
      '224.0.0.1',
      '255.255.255.255',
      '169.254.169.254',
      'fd00:ec2::254',
    ]) {
      expect(addressRefusal(list, ip(text), true)).not.toBeNull();
    }
  });
});
