// Ground paths for the event payload: only the involved, placed tracks, thinned but keeping both ends.
import { describe, expect, it } from 'vitest';
import type { Track, TrackPoint } from '../pipeline/types';
import { groundPaths, thin } from './track-paths';

const point = (t: number, lon: number | null): TrackPoint => ({ t, box: [0, 0, 1, 1], ground: lon === null ? null : { lon, lat: 13.5 }, speedKmh: null });
const track = (id: number, history: TrackPoint[]): Track =>
  ({ id, classId: 2, label: 'car', score: 0.9, peakScore: 0.9, state: 'confirmed', box: [0, 0, 1, 1], velocity: [0, 0], hits: 9, missed: 0, firstSeen: 0, lastSeen: 0, history }) as Track;

describe('thin', () => {
  it('keeps short lists whole and long ones evenly, with both ends', () => {
    expect(thin([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(thin([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
  });
});

describe('groundPaths', () => {
  it('gives the placed points of the involved tracks only', () => {
    const involved = track(1, [point(0, 101.0000001), point(1, null), point(2, 101.0001), point(3, 101.0002)]);
    const bystander = track(2, [point(0, 101.1), point(1, 101.2)]);
    const unplaced = track(3, [point(0, null), point(1, 101.3)]);
    expect(groundPaths([involved, bystander, unplaced], [1, 3])).toEqual([
      { trackId: 1, label: 'car', path: [[101, 13.5], [101.0001, 13.5], [101.0002, 13.5]] },
    ]);
  });
});
