// Small tests for bounding boxes.
import { describe, expect, it } from 'vitest';
import { boundsCenter, boundsOf } from './bounds';

describe('boundsOf', () => {
  it('spans every geometry given, skipping missing ones', () => {
    const bounds = boundsOf([
      { type: 'LineString', coordinates: [[101, 13.5], [101.2, 13.7]] },
      null,
      { type: 'MultiPolygon', coordinates: [[[[100.9, 13.6], [101.1, 13.6], [101.1, 13.9], [100.9, 13.6]]]] },
    ]);
    expect(bounds).toEqual([100.9, 13.5, 101.2, 13.9]);
    const [lon, lat] = boundsCenter(bounds!);
    expect(lon).toBeCloseTo(101.05, 9);
    expect(lat).toBeCloseTo(13.7, 9);
  });

  it('is null when there is no position', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([{ type: 'LineString', coordinates: [] }])).toBeNull();
  });
});
