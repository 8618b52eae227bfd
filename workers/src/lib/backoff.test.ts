import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  it('doubles up to the maximum and keeps at least half the ceiling', () => {
    expect(backoffDelayMs(0, 2, 60, () => 0)).toBe(1000);
    expect(backoffDelayMs(0, 2, 60, () => 1)).toBe(2000);
    expect(backoffDelayMs(3, 2, 60, () => 1)).toBe(16000);
    expect(backoffDelayMs(10, 2, 60, () => 1)).toBe(60000);
    expect(backoffDelayMs(10, 2, 60, () => 0)).toBe(30000);
  });
});
