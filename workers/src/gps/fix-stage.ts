// The pure middle of the GPS worker: a batch of incoming fixes through the filters → rows to store, live fixes, refusals.
import type { DeviceBinding } from '@toc/server/repositories/gps-devices.repository';
import type { FixRejection, GpsFix } from '@toc/server/schemas';
import { filterFix, type DeviceFilterState, type FilterLimits } from './filters';
import type { PositionRow } from './position-copy';

export interface IncomingFix {
  fix: GpsFix;
  receivedAt: string;
}

export interface StageResult {
  rows: PositionRow[];
  /** Fixes that became a vehicle's live position, in arrival order. */
  current: Array<{ binding: DeviceBinding; fix: GpsFix; t: number }>;
  rejections: Array<{ deviceId: number; reason: FixRejection }>;
  /** The new filter state of each device this batch changed (the input map is left alone). */
  states: Map<number, DeviceFilterState>;
  /** Latest accepted fix time per device (ms). */
  lastFix: Map<number, number>;
  /** Fixes of devices deleted since they were accepted. */
  unknownDevices: number;
}

export function runFilters(
  fixes: readonly IncomingFix[],
  bindings: ReadonlyMap<string, DeviceBinding>,
  states: ReadonlyMap<number, DeviceFilterState>,
  nowMs: number,
  limits: FilterLimits,
): StageResult {
  const result: StageResult = {
    rows: [],
    current: [],
    rejections: [],
    states: new Map(),
    lastFix: new Map(),
    unknownDevices: 0,
  };
  for (const { fix, receivedAt } of fixes) {
    const binding = bindings.get(fix.deviceId);
    if (!binding) {
      result.unknownDevices++;
      continue;
    }
    const { deviceId } = binding;
    const before = result.states.get(deviceId) ?? states.get(deviceId) ?? null;
    const t = Date.parse(fix.fixTime);
    const { verdict, state } = filterFix(
      before,
      { lon: fix.lon, lat: fix.lat, t, accuracyM: fix.accuracyM },
      nowMs,
      limits,
    );
    if (state && state !== before) result.states.set(deviceId, state);
    if (verdict !== 'current' && verdict !== 'history') {
      result.rejections.push({ deviceId, reason: verdict });
      continue;
    }
    result.rows.push({
      deviceId,
      vehicleId: binding.vehicleId,
      // The ingest writes ISO 8601 (toISOString); PostgreSQL reads any ISO form another producer may write.
      fixTime: fix.fixTime,
      receivedAt,
      lon: fix.lon,
      lat: fix.lat,
      speedKmh: fix.speedKmh,
      bearingDeg: fix.bearingDeg,
      altitudeM: fix.altitudeM,
      accuracyM: fix.accuracyM,
      current: verdict === 'current',
    });
    if (verdict === 'current') {
      result.current.push({ binding, fix, t });
      result.lastFix.set(deviceId, Math.max(t, result.lastFix.get(deviceId) ?? 0));
    }
  }
  return result;
}
