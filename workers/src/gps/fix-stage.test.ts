// Small: a batch through the filters gives rows (history flagged), the live fixes, refusals and the new device states.
import { describe, expect, it } from 'vitest';
import type { DeviceBinding } from '@toc/server/repositories/gps-devices.repository';
import type { GpsFix } from '@toc/server/schemas';
import { runFilters } from './fix-stage';
import type { DeviceFilterState } from './filters';

const now = Date.parse('2025-03-01T05:00:00Z');
const limits = { maxSpeedKmh: 200, maxAgeMs: 7 * 86_400_000, futureToleranceMs: 60_000, jumpResetCount: 5 };
const bindings = new Map<string, DeviceBinding>([
  ['bus-1', { deviceId: 1, uniqueId: 'bus-1', vehicleId: 10, label: 'CCS-01', electric: true }],
]);
const fix = (
  secondsAgo: number,
  lat = 13.69,
  deviceId = 'bus-1',
  lon = 101.07,
): { fix: GpsFix; receivedAt: string } => ({
  fix: {
    deviceId,
    lat,
    lon,
    fixTime: new Date(now - secondsAgo * 1000).toISOString(),
    speedKmh: 20,
    bearingDeg: 90,
    altitudeM: null,
    accuracyM: 5,
  },
  receivedAt: new Date(now).toISOString(),
});

describe('runFilters', () => {
  it('stores current and history fixes, refuses the rest, and reports the live ones', () => {
    const result = runFilters(
      [fix(10), fix(10), fix(30), fix(5, 0, 'bus-1', 0), fix(1), fix(3, 13.69, 'gone')],
      bindings,
      new Map(),
      now,
      limits,
    );
    expect(result.rows.map((r) => r.current)).toEqual([true, false, true]);
    expect(result.rows[0]).toMatchObject({
      deviceId: 1,
      vehicleId: 10,
      speedKmh: 20,
      receivedAt: new Date(now).toISOString(),
    });
    expect(result.rejections).toEqual([
      { deviceId: 1, reason: 'duplicate' },
      { deviceId: 1, reason: 'zero_coordinates' },
    ]);
    expect(result.current.map((c) => c.t)).toEqual([now - 10_000, now - 1000]);
    expect(result.lastFix.get(1)).toBe(now - 1000);
    expect(result.unknownDevices).toBe(1);
    expect(result.states.get(1)).toMatchObject({ t: now - 1000 });
  });

  it('starts from the states it is given without changing them', () => {
    const states = new Map<number, DeviceFilterState>([
      [1, { t: now - 5000, lat: 13.69, lon: 101.07, acc: 5, recent: [now - 5000], jumps: 0 }],
    ]);
    const result = runFilters([fix(10), fix(5)], bindings, states, now, limits);
    expect(result.rows.map((r) => r.current)).toEqual([false]);
    expect(result.rejections).toEqual([{ deviceId: 1, reason: 'duplicate' }]);
    expect(states.get(1)!.recent).toEqual([now - 5000]);
  });
});
