// Turns the server's BusState into what the bus layer draws: colour, heading, and how the operator should read it.
import type { BusState } from '@toc/server/schemas';
import type { BusCondition, BusPosition } from '../map/layers/buses.layer';

/** A bus silent this long is drawn faded even before the server marks it stale (its last fix may be all we get). */
export const BUS_STALE_AFTER_MS = 3 * 60_000;
/** Below this speed a GPS bearing is noise: the bus is drawn without an arrow. */
const MOVING_KMH = 2;

export function busCondition(bus: BusState, nowMs: number): BusCondition {
  if (bus.state === 'stale' || nowMs - Date.parse(bus.fixTime) > BUS_STALE_AFTER_MS) return 'stale';
  if (bus.state === 'off_route') return 'off_route';
  return 'normal';
}

export function busToPosition(bus: BusState, nowMs: number): BusPosition {
  const standing = bus.speedKmh !== null && bus.speedKmh < MOVING_KMH;
  return {
    id: String(bus.vehicleId),
    route: bus.routeShortName ?? '',
    lon: bus.lon,
    lat: bus.lat,
    headingDeg: standing ? null : bus.bearingDeg,
    color: bus.routeColor ?? '',
    electric: bus.electric,
    condition: busCondition(bus, nowMs),
  };
}
