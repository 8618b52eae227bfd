// The GPS filters, pure: each fix of a device is judged against what the device sent before (Traccar's filter set).
import type { FixRejection } from '@toc/server/schemas';

export interface FilterLimits {
  /** Implied speed between two fixes above this is a jump, not a bus (km/h). */
  maxSpeedKmh: number;
  maxAgeMs: number;
  futureToleranceMs: number;
  /** After this many jumps in a row the device is believed: the earlier fix was the wrong one. */
  jumpResetCount: number;
}

/** What the filters remember of one device. */
export interface DeviceFilterState {
  /** The current (latest) fix: time in ms, position, accuracy in metres. */
  t: number;
  lon: number;
  lat: number;
  acc: number | null;
  /** Times of the last accepted fixes, current or history, to spot duplicates. */
  recent: number[];
  /** Impossible jumps refused in a row. */
  jumps: number;
}

export interface FilterInput {
  lon: number;
  lat: number;
  t: number;
  accuracyM: number | null;
}

export type Verdict = 'current' | 'history' | FixRejection;

const RECENT_KEPT = 16;
const EARTH_RADIUS_M = 6_371_008.8;

export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

const remember = (recent: number[], t: number) =>
  recent.length >= RECENT_KEPT ? [...recent.slice(1), t] : [...recent, t];

/** Judges one fix; returns the verdict and the device's new state (the old one is never changed). */
export function filterFix(
  state: DeviceFilterState | null,
  fix: FilterInput,
  nowMs: number,
  limits: FilterLimits,
): { verdict: Verdict; state: DeviceFilterState | null } {
  const reject = (reason: FixRejection) => ({ verdict: reason, state });
  if (
    !Number.isFinite(fix.lat) ||
    !Number.isFinite(fix.lon) ||
    Math.abs(fix.lat) > 90 ||
    Math.abs(fix.lon) > 180 ||
    !Number.isFinite(fix.t)
  ) {
    return reject('invalid_coordinates');
  }
  // Null Island: what many GPS units send before they have a fix.
  if (Math.abs(fix.lat) < 1e-6 && Math.abs(fix.lon) < 1e-6) return reject('zero_coordinates');
  if (fix.t > nowMs + limits.futureToleranceMs) return reject('future_timestamp');
  if (fix.t < nowMs - limits.maxAgeMs) return reject('too_old');
  if (state?.recent.includes(fix.t) || state?.t === fix.t) return reject('duplicate');

  const current = (jumps = 0): { verdict: Verdict; state: DeviceFilterState } => ({
    verdict: 'current',
    state: {
      t: fix.t,
      lon: fix.lon,
      lat: fix.lat,
      acc: fix.accuracyM,
      recent: remember(state?.recent ?? [], fix.t),
      jumps,
    },
  });
  if (!state) return current();
  // Older than the latest: history for replay, never the live position.
  if (fix.t < state.t)
    return { verdict: 'history', state: { ...state, recent: remember(state.recent, fix.t) } };

  const seconds = (fix.t - state.t) / 1000;
  // Both fixes may be off by their accuracy: only the distance beyond that counts as travelled.
  const margin = (fix.accuracyM ?? 0) + (state.acc ?? 0);
  const travelledM = Math.max(0, distanceM(state.lat, state.lon, fix.lat, fix.lon) - margin);
  if ((travelledM / seconds) * 3.6 > limits.maxSpeedKmh) {
    if (state.jumps + 1 >= limits.jumpResetCount) return current();
    return { verdict: 'impossible_jump', state: { ...state, jumps: state.jumps + 1 } };
  }
  return current();
}
