// Small tests for closing a drawn area into a polygon.
import { describe, expect, it } from 'vitest';
import {
  closeRing,
  crossesItself,
  distinctVertices,
  isNear,
  roundVertex,
  type Vertex,
} from './polygon-geometry';

const square: Vertex[] = [
  [101, 13],
  [101.1, 13],
  [101.1, 13.1],
  [101, 13.1],
];

describe('closeRing', () => {
  it('closes the ring by repeating the first vertex', () => {
    expect(closeRing(square)).toEqual({
      polygon: { type: 'Polygon', coordinates: [[...square, [101, 13]]] },
    });
  });

  it('drops the repeated point of a double-click and a click back on the first vertex', () => {
    const clicked: Vertex[] = [...square, [101, 13.1], [101, 13]];
    expect(closeRing(clicked)).toEqual(closeRing(square));
  });

  it('needs three distinct points', () => {
    expect(closeRing([])).toEqual({ problem: 'tooFewPoints' });
    expect(
      closeRing([
        [101, 13],
        [101.1, 13],
        [101.1, 13],
      ]),
    ).toEqual({ problem: 'tooFewPoints' });
  });

  it('refuses points on one line and an outline that crosses itself', () => {
    expect(
      closeRing([
        [101, 13],
        [101.1, 13],
        [101.2, 13],
      ]),
    ).toEqual({ problem: 'noArea' });
    const bowTie: Vertex[] = [
      [101, 13],
      [101.1, 13.1],
      [101.1, 13],
      [101, 13.1],
    ];
    expect(closeRing(bowTie)).toEqual({ problem: 'crossesItself' });
  });
});

describe('crossesItself', () => {
  it('accepts a concave outline', () => {
    expect(
      crossesItself([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 1],
        [0, 4],
      ]),
    ).toBe(false);
  });

  it('finds an edge touching a vertex further along', () => {
    expect(
      crossesItself([
        [0, 0],
        [4, 0],
        [2, 0],
        [2, 3],
      ]),
    ).toBe(true);
  });
});

describe('helpers', () => {
  it('removes consecutive repeats and the closing repeat', () => {
    expect(
      distinctVertices([
        [1, 1],
        [1, 1],
        [2, 2],
        [3, 1],
        [1, 1],
      ]),
    ).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
    ]);
  });

  it('rounds to six decimals', () => {
    expect(roundVertex(101.12345678, 13.00000049)).toEqual([101.123457, 13]);
  });

  it('measures screen distance', () => {
    expect(isNear({ x: 0, y: 0 }, { x: 3, y: 4 }, 5)).toBe(true);
    expect(isNear({ x: 0, y: 0 }, { x: 3, y: 4.1 }, 5)).toBe(false);
  });
});
