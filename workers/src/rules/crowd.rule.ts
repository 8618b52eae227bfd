// People per crowd-area zone: a count/density sample every interval, and an alert with hysteresis.
import { pointInPolygon } from '@toc/server/geometry/plane';
import type { Box, RuleFrame, RuleSignal } from '../pipeline/types';
import { isPerson } from './labels';
import { groundContact, type PixelScene, type PixelZone } from './scene';
import { advanceStreak, clamp01, round2, type Streak } from './signal';

export interface CrowdOptions {
  /** One `crowd.count` sample per zone per interval. */
  sampleEveryS: number;
  /** Density must stay at/above alertAbove this long to open, at/below clearBelow this long to clear. */
  holdS: number;
  /** Dips shorter than this (a frame of missed detections) do not restart the hold. */
  graceS: number;
  /**
   * Raw detections below this score are not counted. At the detector's own floor (0.3 for the bundled models):
   * people in a crowd are small and partly hidden, so their scores sit low; on the hand-counted pedestrian frames
   * and their mosaics (workers/eval/crowd-count.ts) 0.3 missed fewer people than 0.35 and added no false ones.
   */
  detectionMinScore: number;
  /** clearBelow when the zone does not set one: this share of alertAbove. */
  defaultClearRatio: number;
}

export const DEFAULT_CROWD_OPTIONS: CrowdOptions = {
  sampleEveryS: 10,
  holdS: 10,
  graceS: 2,
  detectionMinScore: 0.3,
  defaultClearRatio: 0.8,
};

/** One `crowd.count` time-series point. Density is people/m² with calibration, else people (same as the count). */
export interface CrowdSample {
  zoneId: number;
  zoneName: string;
  startedAt: number;
  endedAt: number;
  frames: number;
  meanCount: number;
  maxCount: number;
  density: number;
  maxDensity: number;
  densityUnit: 'per_m2' | 'people';
  areaM2: number | null;
}

interface ZoneCrowd {
  sampleStart: number;
  frames: number;
  sum: number;
  max: number;
  above: Streak | null;
  below: Streak | null;
  alert: { onset: number; peakDensity: number } | null;
}

export interface CrowdState {
  zones: Map<number, ZoneCrowd>;
}

export const createCrowdState = (): CrowdState => ({ zones: new Map() });

export interface CrowdResult {
  signals: RuleSignal[];
  samples: CrowdSample[];
}

/**
 * Confirmed person tracks standing in the zone, or this frame's person detections in it when there are more:
 * in a dense crowd the tracker loses people to occlusion and new arrivals take a few frames to confirm,
 * while the detector still sees them. Detection counts jitter per frame, hence mean and max per sample.
 */
export function countPeople(frame: RuleFrame, zone: PixelZone, minScore: number): number {
  const inZone = (box: Box) => pointInPolygon(groundContact(box), zone.polygon);
  const tracked = frame.tracks.filter(
    (t) => isPerson(t.label) && t.state === 'confirmed' && inZone(t.box),
  ).length;
  const detected = frame.detections.filter(
    (d) => isPerson(d.label) && d.score >= minScore && inZone(d.box),
  ).length;
  return Math.max(tracked, detected);
}

/** Densities per m² are small numbers; keep four decimals. */
const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;

const densityOf = (count: number, zone: PixelZone): number => (zone.areaM2 ? count / zone.areaM2 : count);

function closeSample(zone: PixelZone, crowd: ZoneCrowd, endedAt: number): CrowdSample {
  const meanCount = crowd.frames ? crowd.sum / crowd.frames : 0;
  return {
    zoneId: zone.id,
    zoneName: zone.name,
    startedAt: crowd.sampleStart,
    endedAt,
    frames: crowd.frames,
    meanCount: round2(meanCount),
    maxCount: crowd.max,
    density: round4(densityOf(meanCount, zone)),
    maxDensity: round4(densityOf(crowd.max, zone)),
    densityUnit: zone.areaM2 ? 'per_m2' : 'people',
    areaM2: zone.areaM2,
  };
}

function advanceAlert(
  crowd: ZoneCrowd,
  zone: PixelZone,
  density: number,
  t: number,
  options: CrowdOptions,
): void {
  if (zone.alertAbove === null) return;
  const holdMs = options.holdS * 1000;
  const graceMs = options.graceS * 1000;
  const clearBelow = zone.clearBelow ?? zone.alertAbove * options.defaultClearRatio;
  if (!crowd.alert) {
    crowd.above = advanceStreak(crowd.above, density >= zone.alertAbove, t, graceMs);
    if (crowd.above && density >= zone.alertAbove && t - crowd.above.since >= holdMs) {
      crowd.alert = { onset: crowd.above.since, peakDensity: density };
      crowd.below = null;
    }
    return;
  }
  crowd.alert.peakDensity = Math.max(crowd.alert.peakDensity, density);
  crowd.below = advanceStreak(crowd.below, density <= clearBelow, t, graceMs);
  if (crowd.below && t - crowd.below.since >= holdMs) {
    crowd.alert = null;
    crowd.above = null;
    crowd.below = null;
  }
}

/** Updates `state` in place. */
export function evaluateCrowd(
  state: CrowdState,
  context: { scene: PixelScene; frame: RuleFrame },
  options: CrowdOptions = DEFAULT_CROWD_OPTIONS,
): CrowdResult {
  const { scene, frame } = context;
  const t = frame.t;
  const signals: RuleSignal[] = [];
  const samples: CrowdSample[] = [];
  const everyMs = options.sampleEveryS * 1000;
  for (const zone of scene.zones) {
    if (zone.kind !== 'crowd_area') continue;
    const crowd: ZoneCrowd = state.zones.get(zone.id) ?? {
      sampleStart: t,
      frames: 0,
      sum: 0,
      max: 0,
      above: null,
      below: null,
      alert: null,
    };
    state.zones.set(zone.id, crowd);
    if (t >= crowd.sampleStart + everyMs) {
      if (crowd.frames > 0) samples.push(closeSample(zone, crowd, crowd.sampleStart + everyMs));
      // Skip intervals without frames (stream outage) rather than emitting empty samples.
      crowd.sampleStart += Math.floor((t - crowd.sampleStart) / everyMs) * everyMs;
      crowd.frames = 0;
      crowd.sum = 0;
      crowd.max = 0;
    }
    const count = countPeople(frame, zone, options.detectionMinScore);
    crowd.frames++;
    crowd.sum += count;
    crowd.max = Math.max(crowd.max, count);

    const density = densityOf(count, zone);
    advanceAlert(crowd, zone, density, t, options);
    if (!crowd.alert || zone.alertAbove === null) continue;
    signals.push({
      key: `crowd:${zone.id}`,
      type: 'crowd.alert',
      kind: 'crowd_alert',
      severity: 'high',
      confidence: round2(
        clamp01(0.6 + 0.4 * Math.min(1, (crowd.alert.peakDensity - zone.alertAbove) / zone.alertAbove)),
      ),
      onset: crowd.alert.onset,
      trackIds: [],
      imagePoint: zone.centroid,
      ground: null,
      detail: {
        zoneId: zone.id,
        zoneName: zone.name,
        count,
        density: round4(density),
        peakDensity: round4(crowd.alert.peakDensity),
        densityUnit: zone.areaM2 ? 'per_m2' : 'people',
        alertAbove: zone.alertAbove,
        clearBelow: zone.clearBelow ?? zone.alertAbove * options.defaultClearRatio,
      },
    });
  }
  return { signals, samples };
}
