// Small: reconnect backoff delays, and when a camera's backoff starts over.
import { describe, expect, it } from 'vitest';
import { attemptAfterRun, backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  it('doubles up to the maximum and keeps at least half the ceiling', () => {
    expect(backoffDelayMs(0, 2, 60, () => 0)).toBe(1000);
    expect(backoffDelayMs(0, 2, 60, () => 1)).toBe(2000);
    expect(backoffDelayMs(3, 2, 60, () => 1)).toBe(16000);
    expect(backoffDelayMs(10, 2, 60, () => 1)).toBe(60000);
    expect(backoffDelayMs(10, 2, 60, () => 0)).toBe(30000);
  });
});

describe('attemptAfterRun', () => {
  it('starts over only after a run that stayed up for the stable period', () => {
    expect(attemptAfterRun(5, 30_000, 30_000)).toBe(0);
    expect(attemptAfterRun(5, 3_600_000, 30_000)).toBe(0);
  });

  it('keeps the count when the stream came up only briefly (flapping) or not at all', () => {
    expect(attemptAfterRun(5, 3_000, 30_000)).toBe(5);
    expect(attemptAfterRun(5, 29_999, 30_000)).toBe(5);
    expect(attemptAfterRun(5, null, 30_000)).toBe(5);
  });

  it('lets a flapping camera climb to the maximum delay instead of retrying at the initial one', () => {
    let attempt = 0;
    const delays: number[] = [];
    for (let flap = 0; flap < 8; flap++) {
      attempt = attemptAfterRun(attempt, 3_000, 30_000);
      delays.push(backoffDelayMs(attempt++, 2, 60, () => 1));
    }
    expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});
