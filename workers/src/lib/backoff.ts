// Exponential backoff with full jitter, so many cameras failing together do not retry in lockstep.
export function backoffDelayMs(
  attempt: number,
  initialS: number,
  maxS: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxS, initialS * 2 ** Math.max(0, attempt));
  return Math.round((ceiling / 2 + (random() * ceiling) / 2) * 1000);
}

/**
 * The attempt count after a stream run that delivered frames for `upForMs` (null: none). Only a run that stayed up
 * for `stableMs` starts the backoff over: resetting on the first frame retried a flapping camera (up a few seconds,
 * down a few seconds) at the initial delay for ever.
 */
export function attemptAfterRun(attempt: number, upForMs: number | null, stableMs: number): number {
  return upForMs !== null && upForMs >= stableMs ? 0 : attempt;
}
