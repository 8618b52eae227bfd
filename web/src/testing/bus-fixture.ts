// A complete BusState for small tests: plain defaults, any field overridden by the test.
import type { BusState } from '@toc/server/schemas';

export function busFixture(vehicleId: number, fields: Partial<BusState> = {}): BusState {
  return {
    vehicleId,
    label: `B${vehicleId}`,
    electric: false,
    lon: 101.07,
    lat: 13.69,
    fixTime: '2026-11-22T10:00:00.000Z',
    speedKmh: 30,
    bearingDeg: 90,
    state: 'in_service',
    feedId: 1,
    routeId: 'R1',
    routeShortName: '1',
    routeColor: '#2563eb',
    tripId: 'T1',
    headsign: 'Market',
    distanceAlongM: 1200,
    nextStopId: 'S2',
    delayS: 60,
    ...fields,
  };
}
