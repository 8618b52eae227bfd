// Live boxes and tracked objects: only confirmed tracks, fractions of the picture, placed ground positions.
import { describe, expect, it } from 'vitest';
import type { Track, TrackPoint } from '../pipeline/types';
import { liveBoxes, trackedObjects } from './live-view';

function track(id: number, state: Track['state'], box: Track['box'], history: TrackPoint[] = []): Track {
  return { id, classId: 2, label: 'car', score: 0.8, peakScore: 0.8, state, box, velocity: [0, 0], hits: 5, missed: 0, firstSeen: 0, lastSeen: 0, history };
}
const point = (t: number, lon: number, lat: number, speedKmh: number | null = 30): TrackPoint => ({ t, box: [0, 0, 1, 1], ground: { lon, lat }, speedKmh });

describe('liveBoxes', () => {
  it('gives confirmed tracks as fractions of the source picture, clamped to it', () => {
    const layout = { sourceWidth: 1000, sourceHeight: 500 };
    const boxes = liveBoxes([track(1, 'confirmed', [100, 50, 300, 250]), track(2, 'tentative', [0, 0, 10, 10]), track(3, 'confirmed', [-20, 400, 1100, 600])], layout);
    expect(boxes).toEqual([
      { x: 0.1, y: 0.1, w: 0.2, h: 0.4, label: 'car', score: 0.8, trackId: 1 },
      { x: 0, y: 0.8, w: 1, h: 0.2, label: 'car', score: 0.8, trackId: 3 },
    ]);
  });
});

describe('trackedObjects', () => {
  it('lists confirmed, placed tracks with speed and a heading over about a second', () => {
    const at = new Date('2026-11-22T03:00:00Z');
    const moving = track(4, 'confirmed', [0, 0, 1, 1], [point(0, 101.0, 13.0), point(500, 101.0, 13.0001), point(1000, 101.0, 13.0002, 42.26)]);
    const unplaced = track(5, 'confirmed', [0, 0, 1, 1], [{ t: 0, box: [0, 0, 1, 1], ground: null, speedKmh: null }]);
    const tentative = track(6, 'tentative', [0, 0, 1, 1], [point(0, 101, 13)]);
    expect(trackedObjects(9, [moving, unplaced, tentative], at)).toEqual({
      cameraId: 9,
      at: '2026-11-22T03:00:00.000Z',
      objects: [{ id: '9:4', label: 'car', lon: 101.0, lat: 13.0002, speedKmh: 42.3, headingDeg: 0 }],
    });
  });
});
