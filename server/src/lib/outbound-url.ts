// Checks a notification URL (webhook target, LINE API base) before it is stored or used, with a reason in English and Thai.
import { domainToASCII } from 'node:url';
import { isAllowedHost, normalizeHostName, type OutboundAllowList } from './outbound-allow-list';
import { internalAddressClass, NEVER_REACHABLE, parseIpAddress } from './outbound-address';

export interface UrlRefusal {
  en: string;
  th: string;
}

export type OutboundUrlCheck = { ok: true; url: URL } | { ok: false; reason: UrlRefusal };

// Names that only ever mean "this machine" or "this site" (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal).
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa'];

const refuse = (en: string, th: string): OutboundUrlCheck => ({ ok: false, reason: { en, th } });
const ALLOW_HINT = 'unless its host is listed in NOTIFY_ALLOWED_HOSTS';
const ALLOW_HINT_TH = 'เว้นแต่โฮสต์นั้นอยู่ในรายการ NOTIFY_ALLOWED_HOSTS';

/** What the person typed between `//` and the path; empty when there is no `//` (e.g. `https:example.com`). */
const typedAuthority = (value: string): string => /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';

/** The typed host, lower case, without user info or port. */
function typedHost(value: string): string {
  const authority = typedAuthority(value);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const bracket = host.startsWith('[') ? host.indexOf(']') : -1;
  const end = bracket >= 0 ? bracket + 1 : host.lastIndexOf(':') >= 0 ? host.lastIndexOf(':') : host.length;
  return host.slice(0, end).toLowerCase();
}

/**
 * The URL parser quietly rewrites `2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`, `%31%32%37.0.0.1` and
 * `[::ffff:127.0.0.1]` into a plain address; such spellings only serve to slip past filters, so the host must be
 * written as the parser writes it (a Unicode domain name, written as punycode by the parser, is fine).
 */
function isPlainHost(value: string, url: URL): boolean {
  const typed = typedHost(value);
  if (typed === url.hostname) return true;
  // eslint-disable-next-line no-control-regex
  const unicodeName = /[^\x00-\x7f]/.test(typed) && parseIpAddress(url.hostname) === null;
  return unicodeName && domainToASCII(typed) === url.hostname;
}

function isLocalName(host: string): boolean {
  const name = normalizeHostName(host);
  // A single label (`redis`, `postgres`) resolves through the local search domain: a service next to us.
  return (
    !name.includes('.') || LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))
  );
}

/**
 * https to a public host on the standard port; http, another port or an internal host only when the host is in the
 * allow-list. The connection itself is checked again after DNS (see workers/src/notify/guarded-lookup.ts): this
 * check cannot know where a name will resolve.
 */
export function checkOutboundUrl(value: string, allow: OutboundAllowList): OutboundUrlCheck {
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f\\]/.test(value)) {
    return refuse(
      'The URL must not contain spaces, control characters or backslashes',
      'URL ต้องไม่มีช่องว่าง อักขระควบคุม หรือเครื่องหมาย \\',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('The target is not a valid URL', 'ปลายทางไม่ใช่ URL ที่ถูกต้อง');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('The URL must use https', 'URL ต้องใช้ https');
  }
  if (url.username || url.password || typedAuthority(value).includes('@')) {
    return refuse('The URL must not contain a user name or password', 'URL ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่าน');
  }
  if (!isPlainHost(value, url)) {
    return refuse(
      'Write the host as a plain name or dotted address (no decimal, hex, octal or encoded forms)',
      'ต้องเขียนโฮสต์เป็นชื่อหรือที่อยู่ IP แบบปกติ (ห้ามใช้รูปแบบเลขฐานสิบ ฐานสิบหก ฐานแปด หรือการเข้ารหัส)',
    );
  }
  const address = parseIpAddress(url.hostname);
  const internal = address ? internalAddressClass(address) : null;
  if (internal && NEVER_REACHABLE.has(internal)) {
    return refuse(
      `The URL points at an address that cannot receive notifications (${internal})`,
      `URL ชี้ไปยังที่อยู่ที่รับการแจ้งเตือนไม่ได้ (${internal})`,
    );
  }
  if (isAllowedHost(allow, url.hostname)) return { ok: true, url };
  if (internal) {
    return refuse(
      `The URL points at an address inside the network (${internal}) ${ALLOW_HINT}`,
      `URL ชี้ไปยังที่อยู่ภายในเครือข่าย (${internal}) ${ALLOW_HINT_TH}`,
    );
  }
  if (!address && isLocalName(url.hostname)) {
    return refuse(
      `The URL names a host of the local network ${ALLOW_HINT}`,
      `URL ระบุชื่อเครื่องในเครือข่ายภายใน ${ALLOW_HINT_TH}`,
    );
  }
  if (url.protocol !== 'https:') {
    return refuse(`The URL must use https ${ALLOW_HINT}`, `URL ต้องใช้ https ${ALLOW_HINT_TH}`);
  }
  if (url.port !== '') {
    return refuse(
      `The URL must use the standard https port (443) ${ALLOW_HINT}`,
      `URL ต้องใช้พอร์ตมาตรฐานของ https (443) ${ALLOW_HINT_TH}`,
    );
  }
  return { ok: true, url };
}
