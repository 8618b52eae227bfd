// Small tests for Bangkok `datetime-local` values: fixed UTC+7, seconds kept, bad input refused.
import { describe, expect, it } from 'vitest';
import { fromBangkokLocal, toBangkokLocal } from './bangkok-local';

describe('toBangkokLocal', () => {
  it('shows the Bangkok clock, seven hours ahead of UTC, with seconds', () => {
    expect(toBangkokLocal(Date.parse('2025-11-22T07:05:09Z'))).toBe('2025-11-22T14:05:09');
  });

  it('crosses midnight into the next Bangkok day', () => {
    expect(toBangkokLocal(Date.parse('2025-12-31T18:30:00Z'))).toBe('2026-01-01T01:30:00');
  });

  it('drops milliseconds rather than rounding up', () => {
    expect(toBangkokLocal(Date.parse('2025-11-22T07:05:09.999Z'))).toBe('2025-11-22T14:05:09');
  });
});

describe('fromBangkokLocal', () => {
  it('reads a value with or without seconds as Bangkok time', () => {
    expect(fromBangkokLocal('2025-11-22T14:05:09')).toBe(Date.parse('2025-11-22T07:05:09Z'));
    expect(fromBangkokLocal('2025-11-22T14:05')).toBe(Date.parse('2025-11-22T07:05:00Z'));
    expect(fromBangkokLocal('2025-11-22T14:05:09.250')).toBe(Date.parse('2025-11-22T07:05:09Z'));
  });

  it('round-trips any whole second', () => {
    const at = Date.parse('2026-02-28T23:59:59Z');
    expect(fromBangkokLocal(toBangkokLocal(at))).toBe(at);
  });

  it('refuses empty, partial and impossible values', () => {
    expect(fromBangkokLocal('')).toBeNull();
    expect(fromBangkokLocal('2025-11-22')).toBeNull();
    expect(fromBangkokLocal('2025-02-30T10:00')).toBeNull();
    expect(fromBangkokLocal('2025-11-22T14:05:75')).toBeNull();
  });
});
