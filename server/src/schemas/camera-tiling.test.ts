import { describe, expect, it } from 'vitest';
import { TILINGS, tilingGrid } from './camera.schema';

describe('tilingGrid', () => {
  it('reads every tiling the API accepts: none is no grid, "whole+" also looks at the whole picture', () => {
    expect(tilingGrid('none')).toBeNull();
    expect(tilingGrid('3x2')).toEqual({ cols: 3, rows: 2, overview: false });
    expect(tilingGrid('whole+2x1')).toEqual({ cols: 2, rows: 1, overview: true });
    for (const tiling of TILINGS.filter((t) => t !== 'none')) {
      const grid = tilingGrid(tiling)!;
      expect(Number.isInteger(grid.cols) && Number.isInteger(grid.rows), tiling).toBe(true);
    }
  });
});
