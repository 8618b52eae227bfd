// Small tests for the sketch of the polygon being drawn.
import { describe, expect, it } from 'vitest';
import { drawingSketch } from './drawing-sketch';

describe('drawingSketch', () => {
  it('is empty before the first click', () => {
    expect(drawingSketch([], [101, 13]).features).toEqual([]);
  });

  it('draws the corners and a line on to the pointer, flagging the first corner', () => {
    const sketch = drawingSketch(
      [
        [101, 13],
        [101.1, 13],
      ],
      [101.1, 13.1],
    );
    const line = sketch.features.find((f) => f.geometry.type === 'LineString');
    expect(line?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [101, 13],
        [101.1, 13],
        [101.1, 13.1],
      ],
    });
    const corners = sketch.features.filter((f) => f.geometry.type === 'Point');
    expect(corners.map((f) => f.properties?.first)).toEqual([true, false]);
  });
});
