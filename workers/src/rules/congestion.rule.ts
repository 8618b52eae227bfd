// Congestion per roadway zone: many vehicles moving slowly for a sustained time.
import type { RuleSignal } from '../pipeline/types';
import type { SpeedPair } from './motion-stats';
import type { PixelScene } from './scene';
import { advanceStreak, clamp01, median, round2, type Streak } from './signal';

export interface CongestionOptions {
  /** At least this many confirmed vehicles in the zone… */
  minVehicles: number;
  /** …whose median speed is at or below this… */
  maxSpeed: SpeedPair;
  /** …for this long. */
  forS: number;
  /** Breaks in the condition shorter than this do not restart the clock. */
  graceS: number;
  /** Severity rises from low to medium after this long. */
  mediumAfterS: number;
}

export const DEFAULT_CONGESTION_OPTIONS: CongestionOptions = {
  minVehicles: 6,
  maxSpeed: { kmh: 10, bhS: 0.5 },
  forS: 30,
  graceS: 5,
  mediumAfterS: 300,
};

/** A vehicle as congestion sees it: which roadway zones it is in and its speed relative to `maxSpeed`. */
export interface CongestionVehicle {
  trackId: number;
  zoneIds: readonly number[];
  /** speed / maxSpeed in the track's own unit (≤ 1 is slow), null while unknown. */
  speedRatio: number | null;
}

interface ZoneCongestion {
  streak: Streak | null;
  vehicles: number;
  medianRatio: number | null;
  trackIds: number[];
}

export interface CongestionState {
  zones: Map<number, ZoneCongestion>;
}

export const createCongestionState = (): CongestionState => ({ zones: new Map() });

export interface CongestionInput {
  t: number;
  scene: PixelScene;
  vehicles: readonly CongestionVehicle[];
}

export interface CongestionResult {
  signals: RuleSignal[];
  congestedZoneIds: Set<number>;
}

/** Updates `state` in place. */
export function evaluateCongestion(
  state: CongestionState,
  { t, scene, vehicles }: CongestionInput,
  options: CongestionOptions = DEFAULT_CONGESTION_OPTIONS,
): CongestionResult {
  const signals: RuleSignal[] = [];
  const congestedZoneIds = new Set<number>();
  for (const zone of scene.zones) {
    if (zone.kind !== 'roadway') continue;
    const inZone = vehicles.filter((v) => v.zoneIds.includes(zone.id));
    const ratios = inZone.flatMap((v) => (v.speedRatio === null ? [] : [v.speedRatio]));
    const medianRatio = median(ratios);
    // Half the vehicles must have a known speed so a burst of new tracks cannot decide alone.
    const holds =
      inZone.length >= options.minVehicles &&
      ratios.length >= Math.ceil(options.minVehicles / 2) &&
      medianRatio !== null &&
      medianRatio <= 1;
    const prev = state.zones.get(zone.id);
    const streak = advanceStreak(prev?.streak ?? null, holds, t, options.graceS * 1000);
    const current: ZoneCongestion = holds
      ? { streak, vehicles: inZone.length, medianRatio, trackIds: inZone.map((v) => v.trackId) }
      : {
          streak,
          vehicles: prev?.vehicles ?? 0,
          medianRatio: prev?.medianRatio ?? null,
          trackIds: prev?.trackIds ?? [],
        };
    state.zones.set(zone.id, current);
    if (!streak || t - streak.since < options.forS * 1000) continue;

    congestedZoneIds.add(zone.id);
    const durationS = (t - streak.since) / 1000;
    const ratio = current.medianRatio ?? 1;
    signals.push({
      key: `congestion:${zone.id}`,
      type: 'traffic.congestion',
      kind: 'congestion',
      severity: durationS >= options.mediumAfterS ? 'medium' : 'low',
      confidence: round2(
        clamp01(
          0.5 +
            0.25 * Math.min(1, (current.vehicles - options.minVehicles) / options.minVehicles) +
            0.25 * (1 - Math.min(1, ratio)),
        ),
      ),
      onset: streak.since,
      trackIds: current.trackIds,
      imagePoint: zone.centroid,
      ground: null,
      detail: {
        zoneId: zone.id,
        zoneName: zone.name,
        vehicles: current.vehicles,
        medianSpeedRatio: round2(ratio),
        durationS: round2(durationS),
      },
    });
  }
  return { signals, congestedZoneIds };
}
