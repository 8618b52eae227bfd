// One POST that can only reach what the outbound policy allows: checked at connect time, no redirects, body discarded.
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { checkOutboundUrl } from '@toc/server/lib/outbound-url';
import { EMPTY_ALLOW_LIST, type OutboundAllowList } from '@toc/server/lib/outbound-allow-list';
import { guardedLookup, refusalFor } from './guarded-lookup';

/** What outbound notification requests may reach; the default reaches public addresses over https only. */
export interface OutboundGuard {
  allow: OutboundAllowList;
  /** The resolver whose answers are checked (the system's by default; tests give names their own answers). */
  lookup?: LookupFunction;
}

export const DEFAULT_GUARD: OutboundGuard = { allow: EMPTY_ALLOW_LIST };

/** Throws at configuration time, with the same reason the API gives, rather than on the first event. */
export function assertOutboundUrl(value: string, what: string, guard: OutboundGuard): URL {
  const checked = checkOutboundUrl(value, guard.allow);
  if (!checked.ok) throw new Error(`${what}: ${checked.reason.en}`);
  return checked.url;
}

export interface GuardedPostRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  guard: OutboundGuard;
}

/**
 * Resolves with the status once the response body has been read and thrown away (nothing the receiver writes is
 * ever kept); rejects on a refused address, a network error or an abort. A redirect is just its 3xx status.
 */
export function guardedPost({ url, headers, body, signal, guard }: GuardedPostRequest): Promise<number> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // A literal address never goes through the lookup, so it is checked here.
  const refusal = isIP(host) ? refusalFor(guard.allow, url.hostname, host, false) : null;
  if (refusal) return Promise.reject(refusal);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        signal,
        lookup: guardedLookup(guard.allow, guard.lookup),
        // A new connection each time: a pooled socket (opened by other code, or before a DNS change) skips the lookup.
        agent: false,
      },
      (response) => {
        response.on('error', reject);
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('close', () => {
          if (!response.complete) reject(new Error('response ended early'));
        });
        response.resume();
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}
