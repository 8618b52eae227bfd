// Whether a browser's Origin header names this server (same host as the request) or an origin configured as allowed.
/** `scheme://host[:port]` of a value, or null when it is not an http(s) origin (including the literal "null"). */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Same origin means the Origin's host and port equal the request's Host header. The scheme is not compared: behind a
 * TLS-terminating proxy the server sees http while the page is https (the proxy must pass Host through, or the public
 * origin goes into ALLOWED_ORIGINS).
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return false;
  const normalized = normalizeOrigin(origin);
  if (normalized === null) return false;
  if (allowed.includes(normalized)) return true;
  return host !== undefined && new URL(normalized).host === host.toLowerCase();
}
