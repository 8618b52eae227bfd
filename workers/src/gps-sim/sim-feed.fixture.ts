// A small in-memory feed for the simulator's tests: one east–west route in Chachoengsao, trips every 30 minutes.
import { fromLocalMetres } from '@toc/server/geometry/local-metres';
import type { SimFeed, SimTrip } from './sim-feed';
import { cumulativeDistancesM } from './shape-path';

const ORIGIN = { lon: 101.07, lat: 13.69 };

/** Stops S1…S5 1 km apart; outbound trips at :00 and :30 from `firstHour` to `lastHour`, each with a return trip, on blocks B1/B2. */
export function simFeedFixture(opts: { firstHour?: number; lastHour?: number; calendar?: { start: string; end: string } } = {}): SimFeed {
  const first = opts.firstHour ?? 6;
  const last = opts.lastHour ?? 20;
  const coords: Array<[number, number]> = [];
  for (let m = 0; m <= 4000; m += 250) {
    const p = fromLocalMetres(ORIGIN, [m, 0]);
    coords.push([p.lon, p.lat]);
  }
  const stops = new Map<string, readonly [number, number]>();
  for (let i = 0; i < 5; i++) {
    const p = fromLocalMetres(ORIGIN, [i * 1000, 8]);
    stops.set(`S${i + 1}`, [p.lon, p.lat]);
  }
  const trips = new Map<string, SimTrip>();
  const trip = (tripId: string, startS: number, reverse: boolean, blockId: string): SimTrip => {
    const ids = ['S1', 'S2', 'S3', 'S4', 'S5'];
    if (reverse) ids.reverse();
    return {
      tripId,
      routeId: 'R1',
      routeType: 3,
      serviceId: 'WEEK',
      blockId,
      shapeId: reverse ? 'SHP-B' : 'SHP-A',
      stopTimes: ids.map((stopId, i) => ({
        stopId,
        stopSequence: i + 1,
        // The middle stop has no time: the simulator interpolates it.
        arrivalS: i === 2 ? null : startS + i * 180,
        departureS: i === 2 ? null : startS + i * 180 + (i === 0 ? 0 : 20),
      })),
    };
  };
  let n = 0;
  for (let h = first; h < last; h++) {
    for (const minute of [0, 30]) {
      const startS = h * 3600 + minute * 60;
      const block = minute === 0 ? 'B1' : 'B2';
      trips.set(`T${++n}`, trip(`T${n}`, startS, false, block));
      trips.set(`T${++n}`, trip(`T${n}`, startS + 900, true, block));
    }
  }
  const reversed = [...coords].reverse();
  return {
    feedId: 1,
    name: 'test',
    timezone: 'Asia/Bangkok',
    calendar: {
      calendar: new Map([['WEEK', { weekdays: [true, true, true, true, true, true, true], start: opts.calendar?.start ?? '20260101', end: opts.calendar?.end ?? '20261231' }]]),
      exceptions: new Map(),
    },
    trips,
    shapes: new Map([
      ['SHP-A', { coords, distM: cumulativeDistancesM(coords) }],
      ['SHP-B', { coords: reversed, distM: cumulativeDistancesM(reversed) }],
    ]),
    stops,
  };
}
