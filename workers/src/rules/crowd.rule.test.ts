import { describe, expect, it } from 'vitest';
import type { Detection } from '@toc/models';
import type { RuleFrame, RuleSignal, Track } from '../pipeline/types';
import { countPeople, createCrowdState, evaluateCrowd, type CrowdSample } from './crowd.rule';
import { toPixelScene } from './scene';
import { testScene } from './scenarios/harness';
import { CROWD_ZONE_ID, TEST_LINES, TEST_ZONES } from './scenarios/test-scene';

/** A person standing at a spot inside the plaza (x 704…1216, y 14…238). */
const personBox = (i: number): [number, number, number, number] => {
  const x = 740 + (i % 10) * 45;
  const y = 80 + Math.floor(i / 10) * 50;
  return [x - 15, y - 70, x + 15, y];
};
const detection = (i: number, score = 0.8): Detection => ({
  classId: 0,
  label: 'person',
  score,
  box: personBox(i),
});
const personTrack = (i: number): Track => ({
  id: i,
  classId: 0,
  label: 'person',
  score: 0.8,
  peakScore: 0.8,
  state: 'confirmed',
  box: personBox(i),
  velocity: [0, 0],
  hits: 10,
  missed: 0,
  firstSeen: 0,
  lastSeen: 0,
  history: [],
});

const frameWith = (tS: number, count: number): RuleFrame => ({
  t: tS * 1000,
  frameWidth: 1280,
  frameHeight: 720,
  tracks: [],
  detections: Array.from({ length: count }, (_, i) => detection(i)),
});

/** One frame per second; `countAt(tS)` people in the plaza. */
function run(countAt: (tS: number) => number, durationS: number, scene = testScene()) {
  const state = createCrowdState();
  const samples: CrowdSample[] = [];
  const signals: { tS: number; signal: RuleSignal }[] = [];
  for (let tS = 0; tS <= durationS; tS++) {
    const out = evaluateCrowd(state, { scene, frame: frameWith(tS, countAt(tS)) });
    samples.push(...out.samples);
    signals.push(...out.signals.map((signal) => ({ tS, signal })));
  }
  return { samples, signals };
}

describe('crowd', () => {
  it('counts confirmed person tracks in the zone, or detections when there are more of them', () => {
    const zone = testScene().zones.find((z) => z.id === CROWD_ZONE_ID)!;
    const outside: Detection = { classId: 0, label: 'person', score: 0.9, box: [100, 600, 130, 680] };
    const base = frameWith(0, 0);
    expect(
      countPeople(
        { ...base, tracks: [0, 1, 2].map(personTrack), detections: [detection(0), outside] },
        zone,
        0.35,
      ),
    ).toBe(3);
    expect(
      countPeople(
        { ...base, tracks: [personTrack(0)], detections: [0, 1, 2, 3].map((i) => detection(i)) },
        zone,
        0.35,
      ),
    ).toBe(4);
    expect(countPeople({ ...base, detections: [detection(0, 0.2), detection(1)] }, zone, 0.35)).toBe(1);
  });

  it('emits a sample per interval with mean and max count and density per m²', () => {
    const { samples } = run((tS) => (tS < 10 ? 4 : 10 + (tS % 2) * 2), 30);
    expect(samples).toHaveLength(3);
    expect(samples[0]).toMatchObject({
      zoneId: CROWD_ZONE_ID,
      startedAt: 0,
      endedAt: 10_000,
      frames: 10,
      meanCount: 4,
      maxCount: 4,
      density: 0.04,
      densityUnit: 'per_m2',
      areaM2: 100,
    });
    expect(samples[1]).toMatchObject({
      startedAt: 10_000,
      meanCount: 11,
      maxCount: 12,
      density: 0.11,
      maxDensity: 0.12,
    });
  });

  it('uses the count as density without calibrated area', () => {
    const uncalibrated = toPixelScene(TEST_ZONES, TEST_LINES, 1280, 720);
    const { samples } = run(() => 5, 10, uncalibrated);
    expect(samples[0]).toMatchObject({ density: 5, densityUnit: 'people', areaM2: null });
  });

  it('opens the alert after holdS at/above alertAbove, holds between the thresholds, clears after holdS at/below clearBelow', () => {
    // 20 people (0.20/m²) from 5 s, 12 (between 0.08 and 0.15) from 30 s, 5 from 50 s.
    const { signals } = run((tS) => (tS < 5 ? 3 : tS < 30 ? 20 : tS < 50 ? 12 : 5), 80);
    expect(signals[0]!.tS).toBe(15);
    expect(signals[0]!.signal).toMatchObject({
      key: `crowd:${CROWD_ZONE_ID}`,
      type: 'crowd.alert',
      kind: 'crowd_alert',
      severity: 'high',
      onset: 5000,
    });
    expect(signals.at(-1)!.tS).toBe(59);
    expect(signals).toHaveLength(59 - 15 + 1);
  });

  it('does not open for a brief peak and tolerates a one-frame dip', () => {
    expect(run((tS) => (tS >= 5 && tS < 12 ? 30 : 2), 40).signals).toEqual([]);
    const dip = run((tS) => (tS >= 5 && tS !== 9 ? 20 : 2), 20).signals;
    expect(dip[0]!.signal.onset).toBe(5000);
  });
});
