import { describe, expect, it } from 'vitest';
import type { ElephantPath, Event, LonLat } from '@toc/server/schemas';
import { eventFixture } from '../testing/event-fixture';
import { summarizePath } from './elephant-situation';
import { herdMovement } from './herd-movement';

const T0 = Date.parse('2026-11-22T01:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A sighting at a place, first reported at `first` minutes and last at `last`. */
const sighting = (id: number, location: LonLat, first: number, last = first): Event =>
  eventFixture(id, { type: 'elephant.sighting', location, startedAt: at(first), updatedAt: at(last) });

const movement = (sightings: Event[], order = sightings.map((s) => s.id)) => {
  const path: ElephantPath = { id: 1, startedAt: at(0), updatedAt: at(600), points: [], sightings: order };
  return herdMovement(summarizePath(path, new Map(sightings.map((s) => [s.id, s]))));
};

const A = { lon: 101.72, lat: 13.43 };
/** 0.018° of latitude north of A: about 1.99 km. */
const NORTH = { lon: 101.72, lat: 13.448 };
/** About 2 km east of NORTH. */
const NORTH_EAST = { lon: 101.7385, lat: 13.448 };

describe('herdMovement', () => {
  it('says a heading needs a second sighting when there is one', () => {
    expect(movement([sighting(1, A, 0, 30)])).toEqual({ kind: 'single', at: at(0) });
    // The same trap again (a second still of one episode) is still one place.
    expect(movement([sighting(1, A, 0, 30)], [1, 1])).toEqual({ kind: 'single', at: at(0) });
  });

  it('knows nothing without a loaded sighting', () => {
    expect(movement([], [5, 6])).toEqual({ kind: 'unknown' });
  });

  it('gives distance, heading and speed from the first sighting to the second', () => {
    const result = movement([sighting(1, A, 0, 20), sighting(2, NORTH, 80)]);
    if (result.kind !== 'moving') throw new Error(result.kind);
    expect(result.overall.distanceM).toBeGreaterThan(1_980);
    expect(result.overall.distanceM).toBeLessThan(2_000);
    expect(result.overall.direction).toBe('N');
    // From its first report at A to its first report at the next place: 80 min.
    expect(result.overall).toMatchObject({ from: at(0), to: at(80), durationMs: 80 * 60_000 });
    expect(result.overall.speedKmh).toBeCloseTo(1.49, 1);
    expect(result.lastLeg).toBeNull();
  });

  it('adds the last leg when there are three places, which says where it is heading now', () => {
    const result = movement([sighting(1, A, 0), sighting(2, NORTH, 60), sighting(3, NORTH_EAST, 90)]);
    if (result.kind !== 'moving') throw new Error(result.kind);
    expect(result.overall.direction).toBe('NE');
    expect(result.lastLeg!.direction).toBe('E');
    expect(result.lastLeg!.durationMs).toBe(30 * 60_000);
    expect(result.lastLeg!.speedKmh).toBeCloseTo(4, 0);
  });

  it('reports a herd seen again at the same place as not moving, not as 0 km in some direction', () => {
    const nudged = { lon: 101.7202, lat: 13.4302 };
    expect(movement([sighting(1, A, 0), sighting(2, nudged, 60)])).toEqual({ kind: 'still', from: at(0), to: at(60) });
  });

  it('times a place the herd came back to by its latest report, and gives no speed for two places at once', () => {
    // Seen at A, then north, then back at A (the path lists A where it last joined).
    const back = movement([sighting(1, A, 0, 120), sighting(2, NORTH, 60)], [1, 2, 1]);
    if (back.kind !== 'moving') throw new Error(back.kind);
    expect(back.overall).toMatchObject({ from: at(60), to: at(120), direction: 'S' });
    const atOnce = movement([sighting(1, A, 0), sighting(2, NORTH, 0)]);
    if (atOnce.kind !== 'moving') throw new Error(atOnce.kind);
    expect(atOnce.overall.speedKmh).toBeNull();
  });
});
