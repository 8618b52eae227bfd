import { describe, expect, it } from 'vitest';
import { getManifest } from '../registry';
import { mergeTileDetections } from '../decoders/merge-tiles';
import { tensorFromPackedFrame, tensorFromPackedRegion } from './packed-frame';
import { tiledFrameGeometry } from './tile-geometry';

const manifest = getManifest('yolox_nano_416');

describe('tiled frame geometry', () => {
  it('lays a 640×360 frame over 2 × 1 overlapping tiles without distorting it', () => {
    const g = tiledFrameGeometry(manifest, 640, 360, { cols: 2, rows: 1 });
    expect(g.width).toBe(416 * 2 - 42);
    expect(g.height).toBe(416);
    expect(g.tiles).toEqual([
      { x: 0, y: 0, width: 416, height: 416 },
      { x: 374, y: 0, width: 416, height: 416 },
    ]);
    expect(g.scaleX).toBeCloseTo(360 / 416);
    expect(g.scaleY).toBeCloseTo(360 / 416);
    expect(g.filter).toContain('scale=740:416');
    expect(g.frameBytes).toBe(g.width * g.height * 3);
  });

  it('rejects a grid that is not whole tiles', () => {
    expect(() => tiledFrameGeometry(manifest, 640, 360, { cols: 0, rows: 1 })).toThrow(/grid/);
  });
});

describe('tensor from a region', () => {
  it('equals the whole-frame tensor when the region is the whole frame, and reads the right pixels at an offset', () => {
    const frame = new Uint8Array(416 * 416 * 3).map((_, i) => (i * 7) % 251);
    expect(tensorFromPackedRegion(frame, 416, 0, 0, manifest)).toEqual(
      tensorFromPackedFrame(frame, manifest),
    );
    const wide = new Uint8Array(500 * 416 * 3);
    wide[(10 * 500 + 84) * 3] = 200; // pixel (84, 10) of the canvas is pixel (0, 10) of the tile at x = 84
    const tile = tensorFromPackedRegion(wide, 500, 84, 0, manifest);
    expect(tile[10 * 416]).toBe(200 * manifest.input.scale);
    expect(() => tensorFromPackedRegion(wide, 500, 100, 0, manifest)).toThrow(/does not fit/);
  });
});

describe('merging tile detections', () => {
  it('moves boxes to source pixels and keeps one box for an object seen by two overlapping tiles', () => {
    const car = (box: [number, number, number, number], score: number) => ({
      classId: 2,
      label: 'car',
      score,
      box,
    });
    const merged = mergeTileDetections(
      [
        { x: 0, y: 0, detections: [car([380, 100, 416, 140], 0.6)] }, // cut by the right edge of tile 1
        { x: 374, y: 0, detections: [car([0, 100, 60, 140], 0.8), car([200, 10, 240, 40], 0.7)] },
      ],
      { scaleX: 0.5, scaleY: 0.5 },
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]!.box).toEqual([187, 50, 217, 70]);
    expect(merged[1]!.box).toEqual([287, 5, 307, 20]);
  });
});
