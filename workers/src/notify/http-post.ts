// POST with a per-attempt timeout and bounded retries (5xx and network errors only); shared by all HTTP senders.
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelayMs } from '../lib/backoff';
import { RefusedAddressError } from './guarded-lookup';
import { guardedPost, type OutboundGuard } from './guarded-post';
import type { DeliveryResult } from './notification';

export interface RetryPolicy {
  /** Per attempt, including reading the response. */
  timeoutMs: number;
  maxAttempts: number;
  /** Delay before the first retry (jittered), doubling per retry up to maxRetryDelayMs. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  timeoutMs: 5_000,
  maxAttempts: 3,
  retryDelayMs: 500,
  maxRetryDelayMs: 4_000,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  for (const key of Object.keys(policy) as (keyof RetryPolicy)[]) {
    const value = overrides[key];
    if (value !== undefined) policy[key] = value;
  }
  if (!(policy.timeoutMs > 0)) throw new RangeError('timeoutMs must be > 0');
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1)
    throw new RangeError('maxAttempts must be an integer >= 1');
  if (!(policy.retryDelayMs >= 0) || !(policy.maxRetryDelayMs >= policy.retryDelayMs))
    throw new RangeError('retry delays must satisfy 0 <= retryDelayMs <= maxRetryDelayMs');
  return policy;
}

export interface PostRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** Non-2xx statuses that still mean "delivered" (LINE answers 409 to a retry of an accepted request). */
  alsoDelivered?: (status: number) => boolean;
  guard: OutboundGuard;
}

interface AttemptOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  retryable: boolean;
}

/** Never throws; an abort through `signal` stops at once, without further attempts. */
export async function postWithRetry(
  request: PostRequest,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<DeliveryResult> {
  let last: AttemptOutcome = { ok: false, status: null, error: 'not attempted', retryable: false };
  let attempts = 0;
  while (attempts < policy.maxAttempts) {
    if (signal?.aborted) return { ok: false, status: last.status, error: 'aborted', attempts };
    attempts++;
    last = await attemptOnce(request, policy.timeoutMs, signal);
    if (last.ok || !last.retryable || attempts >= policy.maxAttempts) break;
    const delay = backoffDelayMs(attempts - 1, policy.retryDelayMs / 1000, policy.maxRetryDelayMs / 1000);
    try {
      await sleep(delay, undefined, signal ? { signal } : undefined);
    } catch {
      return { ok: false, status: last.status, error: 'aborted', attempts };
    }
  }
  return { ok: last.ok, status: last.status, error: last.error, attempts };
}

async function attemptOnce(
  request: PostRequest,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const status = await guardedPost({ ...request, signal: combined });
    if ((status >= 200 && status < 300) || request.alsoDelivered?.(status)) {
      return { ok: true, status, error: null, retryable: false };
    }
    return {
      ok: false,
      status,
      // Our words only: the receiver's body is attacker-controlled text (or an internal service's secrets) and
      // the log is read by operators.
      error: `HTTP ${status} from target`,
      // 4xx means the request itself is wrong (bad token, unknown target...): repeating it cannot help.
      retryable: status >= 500,
    };
  } catch (err) {
    if (signal?.aborted) return { ok: false, status: null, error: 'aborted', retryable: false };
    if (timeout.aborted)
      return { ok: false, status: null, error: `timeout after ${timeoutMs} ms`, retryable: true };
    if (err instanceof RefusedAddressError)
      return { ok: false, status: null, error: err.message, retryable: false };
    return { ok: false, status: null, error: networkErrorReason(err), retryable: true };
  }
}

/** Only the error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED...): messages can quote the peer's certificate. */
function networkErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)
    ? `network error (${code})`
    : 'network error';
}
