// Small tests for the replay period inputs in Bangkok time.
import { describe, expect, it } from 'vitest';
import { fromBangkokInputs, toBangkokInputs } from './bangkok-time';

describe('Bangkok inputs', () => {
  it('shows an instant on the Bangkok clock, across the UTC date line', () => {
    expect(toBangkokInputs(new Date('2026-11-22T18:30:00.000Z'))).toEqual({ date: '2026-11-23', time: '01:30' });
  });

  it('reads inputs back as the same instant, and refuses incomplete ones', () => {
    expect(fromBangkokInputs('2026-11-23', '01:30')?.toISOString()).toBe('2026-11-22T18:30:00.000Z');
    expect(fromBangkokInputs('2026-11-23', '')).toBeNull();
    expect(fromBangkokInputs('23/11/2026', '01:30')).toBeNull();
  });
});
