import { describe, expect, it } from 'vitest';
import {
  createCongestionState,
  evaluateCongestion,
  type CongestionOptions,
  type CongestionVehicle,
} from './congestion.rule';
import { testScene } from './scenarios/harness';
import { ROAD_ZONE_ID } from './scenarios/test-scene';

const vehicles = (count: number, speedRatio: number | null): CongestionVehicle[] =>
  Array.from({ length: count }, (_, i) => ({ trackId: i + 1, zoneIds: [ROAD_ZONE_ID], speedRatio }));

/** Feeds one input per second; `at(tS)` chooses the vehicles. */
function run(
  at: (tS: number) => CongestionVehicle[],
  durationS: number,
  options?: Partial<CongestionOptions>,
) {
  const scene = testScene();
  const state = createCongestionState();
  const resolved = {
    ...{ minVehicles: 6, maxSpeed: { kmh: 10, bhS: 0.5 }, forS: 30, graceS: 5, mediumAfterS: 300 },
    ...options,
  };
  const out = [];
  for (let tS = 0; tS <= durationS; tS++) {
    out.push({ tS, ...evaluateCongestion(state, { t: tS * 1000, scene, vehicles: at(tS) }, resolved) });
  }
  return out;
}

describe('congestion', () => {
  it('is raised after many slow vehicles for forS, with the start of the slowdown as onset', () => {
    const out = run((tS) => vehicles(8, tS < 10 ? 3 : 0.4), 60);
    const first = out.find((o) => o.signals.length > 0)!;
    expect(first.tS).toBe(40);
    expect(first.signals[0]).toMatchObject({
      key: `congestion:${ROAD_ZONE_ID}`,
      type: 'traffic.congestion',
      kind: 'congestion',
      severity: 'low',
      onset: 10_000,
    });
    expect(first.congestedZoneIds.has(ROAD_ZONE_ID)).toBe(true);
    expect(first.signals[0]!.detail).toMatchObject({ vehicles: 8, medianSpeedRatio: 0.4 });
  });

  it('is not raised for few vehicles, for fast ones, or while speeds are unknown', () => {
    expect(run(() => vehicles(4, 0.1), 60).some((o) => o.signals.length)).toBe(false);
    expect(run(() => vehicles(10, 2), 60).some((o) => o.signals.length)).toBe(false);
    expect(run(() => vehicles(10, null), 60).some((o) => o.signals.length)).toBe(false);
  });

  it('tolerates short breaks but restarts after a longer one', () => {
    const shortBreak = run((tS) => vehicles(8, tS >= 15 && tS < 18 ? 2 : 0.3), 40);
    expect(shortBreak.find((o) => o.signals.length)?.tS).toBe(30);
    const longBreak = run((tS) => vehicles(8, tS >= 15 && tS < 25 ? 2 : 0.3), 60);
    expect(longBreak.find((o) => o.signals.length)?.tS).toBe(55);
  });

  it('rises to medium severity after mediumAfterS', () => {
    const out = run(() => vehicles(8, 0.2), 40, { forS: 10, mediumAfterS: 30 });
    expect(out[10]!.signals[0]!.severity).toBe('low');
    expect(out[30]!.signals[0]!.severity).toBe('medium');
  });
});
