import { describe, expect, it } from 'vitest';
import type { ClipPart } from './clip-plan';
import { clockRuns, workingCopyFilter } from './working-copy-filter';

const T0 = Date.parse('2026-12-05T10:30:00Z');
const part = (fromS: number, toS: number, wallFromS: number): ClipPart => ({
  segment: { absPath: '/rec/x.mp4', startedAt: new Date(T0), endedAt: new Date(T0 + 4000) },
  fromS,
  toS,
  wallFrom: new Date(T0 + wallFromS * 1000),
  wallTo: new Date(T0 + (wallFromS + toS - fromS) * 1000),
});

describe('clockRuns', () => {
  it('joins seamless parts and starts a new clock after a gap, offset to Bangkok time', () => {
    const runs = clockRuns([part(0, 3, 1), part(3, 7, 4), part(7, 9, 15.5)]);
    expect(runs.map((r) => [r.fromS, r.toS])).toEqual([
      [0, 7],
      [7, 9],
    ]);
    // pts 0 shows 17:30:01 (UTC+7) in the first run; pts 7 shows 17:30:15.5 in the second.
    expect(runs[0]!.wallAtZeroS).toBe(T0 / 1000 + 7 * 3600 + 1);
    expect(runs[1]!.wallAtZeroS + 7).toBe(T0 / 1000 + 7 * 3600 + 15.5);
  });
});

describe('workingCopyFilter', () => {
  it('shows each clock over its own seconds only', () => {
    const filter = workingCopyFilter({ outHeight: 360, marginPx: 10, fontPx: 16 }, [
      { fromS: 0, toS: 7 },
      { fromS: 7, toS: 9 },
    ]);
    expect(filter).toContain('[0:v]scale=w=-2:h=360[scaled];[scaled][1:v]overlay=x=10:y=10,drawtext=');
    expect(filter).toContain('textfile=clock-0.txt:');
    expect(filter).toContain("enable='between(t,0.0000,6.9995)'");
    expect(filter).toContain('textfile=clock-1.txt:');
    expect(filter).toContain("enable='gte(t,7.0000)'");
    expect(filter.endsWith('[v]')).toBe(true);
  });
});
