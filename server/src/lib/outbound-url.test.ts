// Small: notification URLs must be https to a public host on port 443, plainly written, unless allow-listed.
import { describe, expect, it } from 'vitest';
import { EMPTY_ALLOW_LIST, parseAllowList } from './outbound-allow-list';
import { checkOutboundUrl } from './outbound-url';

const reasonOf = (url: string, allow = EMPTY_ALLOW_LIST) => {
  const checked = checkOutboundUrl(url, allow);
  return checked.ok ? null : checked.reason;
};

describe('checkOutboundUrl', () => {
  it.each([
    ['http://127.0.0.1:6379/', /loopback/],
    ['https://127.0.0.1/', /loopback/],
    ['https://10.0.0.5:5432/', /private/],
    ['https://localhost/hook', /local network/],
    ['https://LOCALHOST./hook', /local network/],
    ['https://api.localhost/hook', /local network/],
    ['https://redis/', /local network/],
    ['https://printer.local/', /local network/],
    ['https://[::1]/', /loopback/],
    ['https://[::ffff:7f00:1]/', /loopback/],
    ['https://0.0.0.0/', /unspecified/],
    ['https://169.254.169.254/latest/meta-data/', /metadata/],
    ['https://[fd00:ec2::254]/', /metadata/],
    ['https://100.64.0.1/', /CGNAT/],
    ['https://[fc00::1]/', /unique-local/],
    ['https://[fe80::1]/', /link-local/],
    ['https://224.0.0.1/', /multicast/],
    // odd notations: the URL parser would quietly turn these into 127.0.0.1 (or 8.8.8.8)
    ['http://2130706433/', /decimal, hex, octal/],
    ['http://0x7f000001/', /decimal, hex, octal/],
    ['https://0177.0.0.1/', /decimal, hex, octal/],
    ['https://127.1/', /decimal, hex, octal/],
    ['https://%31%32%37.0.0.1/', /decimal, hex, octal/],
    ['https://[::ffff:127.0.0.1]/', /decimal, hex, octal/],
    ['https://134744072/', /decimal, hex, octal/],
    ['https:hooks.example.org/x', /decimal, hex, octal/],
    ['https:///hooks.example.org/x', /decimal, hex, octal/],
    // credentials and smuggling
    ['https://user:pass@hooks.example.org/x', /user name or password/],
    ['https://user@hooks.example.org/x', /user name or password/],
    ['https://@hooks.example.org/x', /user name or password/],
    ['https://hooks.example.org\\@127.0.0.1/', /backslash/],
    [' https://hooks.example.org/x', /spaces/],
    ['https://hooks.example.org/x\n', /control/],
    // scheme and port
    ['http://hooks.example.org/x', /must use https/],
    ['ftp://hooks.example.org/x', /must use https/],
    ['file:///etc/passwd', /must use https/],
    ['gopher://127.0.0.1:6379/_INFO', /must use https/],
    ['https://hooks.example.org:6379/x', /port \(443\)/],
    ['not-a-url', /not a valid URL/],
  ])('refuses %j', (url, reason) => {
    const refusal = reasonOf(url);
    expect(refusal?.en).toMatch(reason);
    // Every reason in Thai as well.
    expect(refusal?.th).toMatch(/[\u0E00-\u0E7F]/);
  });

  it.each([
    'https://hooks.example.org/toc?token=abc',
    'https://hooks.example.org:443/toc',
    'https://hooks.example.org./toc',
    'https://8.8.8.8/hook',
    'https://[2606:4700:4700::1111]/hook',
    'https://ไทย.example/hook',
    'https://notify-api.line.me/api/notify',
  ])('accepts %j', (url) => expect(reasonOf(url)).toBeNull());

  it('opens http, other ports and internal hosts only for what NOTIFY_ALLOWED_HOSTS lists', () => {
    const allow = parseAllowList(['10.20.0.0/16', 'siem.city.local', '127.0.0.1']);
    expect(reasonOf('http://10.20.1.5:8088/services/collector', allow)).toBeNull();
    expect(reasonOf('http://siem.city.local:8088/hook', allow)).toBeNull();
    expect(reasonOf('http://127.0.0.1:41234/hook', allow)).toBeNull();
    expect(reasonOf('http://10.30.1.5/hook', allow)?.en).toMatch(/private/);
    expect(reasonOf('http://127.0.0.2/hook', allow)?.en).toMatch(/loopback/);
    expect(reasonOf('http://other.city.local/hook', allow)?.en).toMatch(/local network/);
    expect(reasonOf('http://hooks.example.org/hook', allow)?.en).toMatch(/https/);
    // An allow-listed host still may not carry credentials or odd spellings, and 0.0.0.0 is never a receiver.
    expect(reasonOf('http://user:pw@siem.city.local/hook', allow)?.en).toMatch(/user name/);
    expect(reasonOf('http://2130706433/hook', allow)?.en).toMatch(/decimal/);
    expect(reasonOf('http://0.0.0.0:8080/', parseAllowList(['0.0.0.0/0']))?.en).toMatch(/unspecified/);
  });
});
