// Timeline ticks: round Bangkok times, spacing by width, major marks.
import { describe, expect, it } from 'vitest';
import { bangkokClockLabel, tickStep, timelineTicks } from './timeline-ticks';

const MIDNIGHT = Date.parse('2031-03-13T00:00:00+07:00');
const H = 3_600_000;

describe('tickStep', () => {
  it('picks coarser steps for longer spans and narrower widths', () => {
    expect(tickStep(24 * H, 1200)).toBe(2 * H);
    expect(tickStep(24 * H, 600)).toBe(3 * H);
    expect(tickStep(5 * 60_000, 1200)).toBe(60_000);
    expect(tickStep(H, 1200)).toBe(5 * 60_000);
  });
});

describe('bangkokClockLabel', () => {
  it('reads the Bangkok clock', () => {
    expect(bangkokClockLabel(Date.parse('2031-03-13T07:05:00Z'))).toBe('14:05');
    expect(bangkokClockLabel(MIDNIGHT)).toBe('00:00');
  });
});

describe('timelineTicks', () => {
  it('covers a whole day from Bangkok midnight in round steps', () => {
    const ticks = timelineTicks({ from: MIDNIGHT, to: MIDNIGHT + 24 * H }, 1200);
    expect(ticks[0]).toEqual({ at: MIDNIGHT, label: '00:00', major: true });
    expect(ticks.map((t) => t.label).slice(0, 4)).toEqual(['00:00', '02:00', '04:00', '06:00']);
    expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual([
      '00:00',
      '06:00',
      '12:00',
      '18:00',
      '00:00',
    ]);
  });
  it('starts at the first round time inside a zoomed view and marks the whole hours', () => {
    const from = MIDNIGHT + 13 * H + 52 * 60_000 + 17_000;
    const ticks = timelineTicks({ from, to: from + 20 * 60_000 }, 500);
    expect(ticks[0]!.label).toBe('13:55');
    expect(ticks.find((t) => t.label === '14:00')?.major).toBe(true);
    expect(ticks.find((t) => t.label === '14:05')?.major).toBe(false);
    expect(ticks.every((t) => t.at >= from && t.at <= from + 20 * 60_000)).toBe(true);
  });
});
