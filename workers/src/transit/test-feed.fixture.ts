// A small test network (one straight 3 km road in Chachoengsao, out and back every 20 minutes) and a bus driving it.
import type { FeedRows } from './build-feed-model';
import { serviceDayStartMs } from './service-day';
import type { VehicleFix } from './vehicle-state';

export const ORIGIN = { lon: 101.07, lat: 13.69 };
const M_PER_DEG_LON = 111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180);
/** A point `m` metres east of the origin, `north` metres north. */
export const east = (m: number, north = 0): [number, number] => [
  ORIGIN.lon + m / M_PER_DEG_LON,
  ORIGIN.lat + north / 110_574,
];

export const TEST_DATE = '20250602';
export const TEST_TZ = 'Asia/Bangkok';
const STOPS_M = [0, 1500, 3000];
/** Scheduled 3 minutes per 1.5 km segment, 30 s dwell at the middle stop. */
const OUT_TIMES = [0, 180, 390];
export const HEADWAY_S = 20 * 60;

/** Runs every 20 minutes from 06:00 to 22:00; a night run can be added (GTFS times past 24:00 on the same service day). */
export function testFeedRows(feedId = 1, extraStartsS: number[] = []): FeedRows {
  const trips: FeedRows['trips'] = [];
  const stopTimes: FeedRows['stopTimes'] = [];
  const starts: number[] = [];
  for (let start = 6 * 3600; start <= 22 * 3600; start += HEADWAY_S) starts.push(start);
  for (const [k, start] of [...starts, ...extraStartsS].entries()) {
    for (const dir of [0, 1]) {
      const tripId = `${dir === 0 ? 'out' : 'back'}-${k}`;
      trips.push({
        tripId,
        routeId: 'R1',
        serviceId: 'daily',
        headsign: dir === 0 ? 'East' : 'West',
        translations: { th: dir === 0 ? 'ตะวันออก' : 'ตะวันตก', en: dir === 0 ? 'East' : 'West' },
        directionId: dir,
        blockId: null,
        shapeId: dir === 0 ? 'S-out' : 'S-back',
      });
      const order = dir === 0 ? [0, 1, 2] : [2, 1, 0];
      order.forEach((s, i) => {
        const t = start + OUT_TIMES[i]!;
        stopTimes.push({
          tripId,
          stopSequence: i + 1,
          stopId: `P${s}`,
          arrivalS: t,
          departureS: i === 1 ? t + 30 : t,
        });
      });
    }
  }
  const line = [0, 500, 1000, 1500, 2000, 2500, 3000].map((m) => east(m));
  return {
    feed: { feedId, name: 'testline', timezone: TEST_TZ },
    stops: STOPS_M.map((m, i) => ({
      stopId: `P${i}`,
      name: `Stop ${i}`,
      translations: { th: `ป้าย ${i}`, en: `Stop ${i}` },
      lon: east(m)[0],
      lat: east(m)[1],
    })),
    routes: [{ routeId: 'R1', shortName: '1', longName: 'Test line', color: '#22aa55', routeType: 3 }],
    shapes: [
      { shapeId: 'S-out', coordinates: line },
      { shapeId: 'S-back', coordinates: [...line].reverse() },
    ],
    trips: trips.sort((a, b) => a.tripId.localeCompare(b.tripId)),
    stopTimes: stopTimes.sort((a, b) => a.tripId.localeCompare(b.tripId) || a.stopSequence - b.stopSequence),
    frequencies: [],
    calendar: [
      {
        serviceId: 'daily',
        weekdays: [true, true, true, true, true, true, true],
        startDate: '20250101',
        endDate: '20301231',
      },
    ],
    calendarDates: [],
  };
}

/** Seconds after the test day's start as an instant. */
export const at = (s: number) => serviceDayStartMs(TEST_DATE, TEST_TZ) + s * 1000;

export interface DriveOptions {
  vehicleId: number;
  /** Leaves the first stop at this many seconds after the day's start. */
  departS: number;
  direction?: 0 | 1;
  speedMs?: number;
  dwellS?: number;
  everyS?: number;
  /** Metres north of the road (an off-route stretch) by distance along. */
  offsetAt?: (alongM: number) => number;
  speedKmh?: (alongM: number) => number;
}

/** Fixes of a bus standing 60 s at the first stop, then driving the 3 km with a dwell at the middle stop. */
export function drive(o: DriveOptions): VehicleFix[] {
  const speed = o.speedMs ?? 10;
  const dwell = o.dwellS ?? 30;
  const every = o.everyS ?? 5;
  const fixes: VehicleFix[] = [];
  const alongAt = (t: number): number => {
    if (t <= 0) return 0;
    const firstLeg = 1500 / speed;
    if (t <= firstLeg) return t * speed;
    if (t <= firstLeg + dwell) return 1500;
    return Math.min(3000, 1500 + (t - firstLeg - dwell) * speed);
  };
  const end = 3000 / speed + dwell + 10;
  for (let t = -60; t <= end; t += every) {
    const along = alongAt(t);
    const x = o.direction === 1 ? 3000 - along : along;
    const [lon, lat] = east(x, o.offsetAt?.(along) ?? 0);
    const moving = t > 0 && along > 0 && along < 3000 && along !== 1500;
    fixes.push({
      vehicleId: o.vehicleId,
      deviceId: o.vehicleId,
      lon,
      lat,
      fixTime: new Date(at(o.departS + t)),
      speedKmh: o.speedKmh?.(along) ?? (moving ? speed * 3.6 : 0),
      bearingDeg: o.direction === 1 ? 270 : 90,
    });
  }
  return fixes;
}
