// Small tests for the replay period inputs in Bangkok time.
import { describe, expect, it } from 'vitest';
import { fromBangkokInputs, replayPresetPeriod, toBangkokInputs } from './bangkok-time';

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

describe('replay presets', () => {
  // 00:53 on 5 December 2026 in Bangkok (17:53 UTC the day before).
  const now = new Date('2026-12-04T17:53:00.000Z');
  const inputs = (period: { from: Date; to: Date }) => [toBangkokInputs(period.from), toBangkokInputs(period.to)];

  it('takes the last hour across Bangkok midnight, not from midnight', () => {
    expect(inputs(replayPresetPeriod('lastHour', now))).toEqual([
      { date: '2026-12-04', time: '23:53' },
      { date: '2026-12-05', time: '00:53' },
    ]);
  });

  it('takes today from Bangkok midnight, and yesterday as the whole Bangkok day before', () => {
    expect(inputs(replayPresetPeriod('today', now))).toEqual([
      { date: '2026-12-05', time: '00:00' },
      { date: '2026-12-05', time: '00:53' },
    ]);
    expect(inputs(replayPresetPeriod('yesterday', now))).toEqual([
      { date: '2026-12-04', time: '00:00' },
      { date: '2026-12-05', time: '00:00' },
    ]);
  });

  it('crosses the year', () => {
    const newYear = new Date('2026-12-31T17:20:00.000Z'); // 00:20 on 1 January 2027 in Bangkok
    expect(inputs(replayPresetPeriod('yesterday', newYear))[0]).toEqual({ date: '2026-12-31', time: '00:00' });
  });
});
