// CSRF defence for what a browser authenticates by itself with the session cookie: REST writes, socket handshakes.
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './http-error';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../schemas';
import { isAllowedOrigin } from './origin';

// Why both checks: the custom header alone already stops a page on another site (it cannot send one without a CORS
// preflight, and this server answers none), and it does not depend on Host or proxies; the Origin check is a second,
// independent layer should a CORS rule ever be added by mistake. Origin alone is not enough: some browsers and
// privacy tools drop it, and behind a proxy that rewrites Host it cannot be compared without configuration.
const HEADER = CSRF_HEADER.toLowerCase();

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

/** The Origin when the browser sends one; otherwise Fetch metadata, when present, must not name another site. */
function fromOurSite(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  if (headers.origin !== undefined) return isAllowedOrigin(headers.origin, headers.host, allowedOrigins);
  const fetchSite = headers['sec-fetch-site'];
  return fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
}

/**
 * Whether a socket.io handshake may use the session cookie. A browser always sends Origin with a WebSocket, and it
 * must be ours. A polling handshake is a same-origin GET, which browsers send without Origin (seen in Chromium): then
 * Fetch metadata must say same-origin, or, where browsers send none (plain http to a LAN address), the CSRF header the
 * web client sets must be there; another site's page can forge neither.
 */
export function cookieHandshakeAllowed(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  if (headers.origin !== undefined) return isAllowedOrigin(headers.origin, headers.host, allowedOrigins);
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined) return fetchSite === 'same-origin';
  return headers[HEADER] === CSRF_HEADER_VALUE;
}

/**
 * Why a cookie-authenticated write is refused, or null. Both must hold: the custom header is present, and the
 * request's origin is ours: the Origin header when the browser sends one (browsers send it on every cross-origin
 * request and on same-origin writes), otherwise Fetch metadata must not say the request came from another site.
 */
export function csrfRefusal(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): HttpError | null {
  if (headers[HEADER] !== CSRF_HEADER_VALUE) {
    return new HttpError(
      403,
      `A change made with the session cookie needs the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} (cross-site request refused)`,
      `การแก้ไขข้อมูลด้วยคุกกี้เซสชันต้องมีส่วนหัว ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} (ปฏิเสธคำขอข้ามเว็บไซต์)`,
    );
  }
  if (!fromOurSite(headers, allowedOrigins)) {
    return new HttpError(
      403,
      'A change made with the session cookie must come from this site (Origin not allowed)',
      'การแก้ไขข้อมูลด้วยคุกกี้เซสชันต้องมาจากเว็บไซต์นี้เท่านั้น (Origin ไม่ได้รับอนุญาต)',
    );
  }
  return null;
}
