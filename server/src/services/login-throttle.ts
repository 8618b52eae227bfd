// Counts sign-in attempts before the password is checked, per account, per client address and overall, and locks a
// scope out for a time that doubles with each lockout.
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { addressScope } from '../lib/address-scope';
import { BEGIN_ATTEMPT, SETTLE_ATTEMPT } from './login-throttle.scripts';

export interface LoginThrottleConfig {
  /** Redis key prefix of the deployment (QUEUE_PREFIX): deployments and test files sharing a Redis stay apart. */
  keyPrefix: string;
  /** Failures allowed in one window before a lockout, per scope. */
  maxPerAccount: number;
  maxPerAddress: number;
  maxGlobal: number;
  windowSeconds: number;
  /** The first lockout; each further one doubles it, up to the longest. */
  lockoutSeconds: number;
  lockoutMaxSeconds: number;
}

export const loginThrottleConfig = (config: Config): LoginThrottleConfig => ({
  keyPrefix: config.queuePrefix,
  maxPerAccount: config.loginMaxFailures,
  maxPerAddress: config.loginMaxFailuresPerAddress,
  maxGlobal: config.loginMaxFailuresGlobal,
  windowSeconds: config.loginWindowSeconds,
  lockoutSeconds: config.loginLockoutSeconds,
  lockoutMaxSeconds: config.loginLockoutMaxSeconds,
});

export type LoginScope = 'account' | 'address' | 'global';
/** In the order the scripts take their keys: the account must come first (a success clears it). */
const SCOPES: readonly LoginScope[] = ['account', 'address', 'global'];

export type AttemptOutcome = 'failed' | 'succeeded' | 'aborted';

export type AttemptGate =
  | { allowed: true }
  | { allowed: false; scope: LoginScope; retryAfterSeconds: number; reason: 'locked' | 'busy' };

/** An attempt that was never settled (the process stopped mid-check) frees its slot after this. */
const IN_FLIGHT_LIFETIME_MS = 30_000;

export interface LoginAttempt {
  keys: string[];
  limits: number[];
}

export function loginAttempt(config: LoginThrottleConfig, username: string, ip: string | null): LoginAttempt {
  const base = `${config.keyPrefix}:login-throttle`;
  return {
    keys: [`${base}:account:${username}`, `${base}:address:${addressScope(ip)}`, `${base}:global`],
    limits: [config.maxPerAccount, config.maxPerAddress, config.maxGlobal],
  };
}

/** Counts the attempt in every scope at once, unless one of them refuses it; nothing is counted then. */
export async function beginLoginAttempt(
  redis: Redis,
  config: LoginThrottleConfig,
  attempt: LoginAttempt,
  now: Date,
): Promise<AttemptGate> {
  // Long enough for a whole window and the longest lockout plus the time its backoff is remembered.
  const lifetimeMs = (config.windowSeconds + 2 * config.lockoutMaxSeconds) * 1000 + 60_000;
  const [allowed, index, waitMs] = (await redis.eval(
    BEGIN_ATTEMPT,
    attempt.keys.length,
    ...attempt.keys,
    now.getTime(),
    config.windowSeconds * 1000,
    IN_FLIGHT_LIFETIME_MS,
    lifetimeMs,
    ...attempt.limits,
  )) as [number, number, number];
  if (allowed === 1) return { allowed: true };
  const scope = SCOPES[index - 1] ?? 'global';
  if (waitMs < 0) return { allowed: false, scope, retryAfterSeconds: 1, reason: 'busy' };
  return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), reason: 'locked' };
}

/** Records how the attempt ended; the lockout it started, if any. */
export async function settleLoginAttempt(
  redis: Redis,
  config: LoginThrottleConfig,
  attempt: LoginAttempt,
  outcome: AttemptOutcome,
  now: Date,
): Promise<{ scope: LoginScope; seconds: number } | null> {
  const [index, lockMs] = (await redis.eval(
    SETTLE_ATTEMPT,
    attempt.keys.length,
    ...attempt.keys,
    now.getTime(),
    outcome,
    config.lockoutSeconds * 1000,
    config.lockoutMaxSeconds * 1000,
    ...attempt.limits,
  )) as [number, number];
  return index > 0 ? { scope: SCOPES[index - 1] ?? 'global', seconds: Math.round(lockMs / 1000) } : null;
}
