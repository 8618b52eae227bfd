import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { punctualityCsv } from './punctuality-csv';

const figures = {
  calls: 10,
  onTimePct: 80,
  earlyPct: 10,
  latePct: 10,
  meanDelayS: 45,
  medianDelayS: 30,
  p90DelayS: 310,
};

describe('punctualityCsv', () => {
  it('writes a bilingual header, one row per route and hour, and the overall row, readable back as CSV', () => {
    const csv = punctualityCsv({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
      window: { earlyS: 60, lateS: 300 },
      overall: figures,
      routes: [{ feedId: 1, routeId: 'R1', shortName: '1, "town"', longName: null, ...figures }],
      hours: [{ hour: 7, ...figures }],
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows[0]![1]).toBe('route / สาย');
    expect(rows.slice(1)).toEqual([
      ['route', '1, "town"', '', '10', '80', '10', '10', '45', '30', '310'],
      ['hour', '', '7', '10', '80', '10', '10', '45', '30', '310'],
      ['all', '', '', '10', '80', '10', '10', '45', '30', '310'],
    ]);
  });
});
