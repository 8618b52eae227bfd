// Exponential backoff with full jitter, so many cameras failing together do not retry in lockstep.
export function backoffDelayMs(attempt: number, initialS: number, maxS: number, random = Math.random): number {
  const ceiling = Math.min(maxS, initialS * 2 ** Math.max(0, attempt));
  return Math.round((ceiling / 2 + (random() * ceiling) / 2) * 1000);
}
