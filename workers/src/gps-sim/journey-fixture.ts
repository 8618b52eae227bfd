// A straight test route (east along a latitude in Chachoengsao) with evenly spaced stops, for the simulator's tests.
import { fromLocalMetres } from '@toc/server/geometry/local-metres';
import type { JourneyStop } from './bus-journey';
import { cumulativeDistancesM, type ShapePath } from './shape-path';

const ORIGIN = { lon: 101.07, lat: 13.69 };

/** A shape `lengthM` long with a vertex every 100 m, and a stop every `spacingM` timed at `kmh` plus 30 s dwell. */
export function straightRoute(lengthM: number, spacingM: number, start: Date, kmh = 25): { shape: ShapePath; stops: JourneyStop[] } {
  const coords: Array<[number, number]> = [];
  for (let m = 0; m <= lengthM; m += 100) {
    const p = fromLocalMetres(ORIGIN, [m, 0]);
    coords.push([p.lon, p.lat]);
  }
  const shape = { coords, distM: cumulativeDistancesM(coords) };
  const stops: JourneyStop[] = [];
  let at = start.getTime();
  for (let m = 0, seq = 1; m <= lengthM; m += spacingM, seq++) {
    if (seq > 1) at += (spacingM / (kmh / 3.6)) * 1000;
    const arrival = new Date(at);
    if (seq > 1) at += 30_000;
    stops.push({ stopId: `S${seq}`, stopSequence: seq, distM: m, arrival, departure: new Date(at) });
  }
  return { shape, stops };
}
