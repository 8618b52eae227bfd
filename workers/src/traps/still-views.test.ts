import { describe, expect, it } from 'vitest';
import { DEFAULT_STILL_PATH_OPTIONS } from './still-options';
import { closeUpRect, planViews, viewBoxToStill } from './still-views';

const plan = { flip: true, grids: [2, 3], tileOverlap: 0.25, minTileShare: 0.75 };

describe('still views', () => {
  it('looks at the whole still, its mirror, and only the tile grids that do not just upsample', () => {
    // 640 px: 2 × 2 tiles of 366 px are kept for a 416 model, 3 × 3 tiles (247 px) are not.
    const small = planViews(640, 640, 416, plan);
    expect(small.map((v) => v.grid)).toEqual([1, 1, 2, 2, 2, 2]);
    expect(small[1]).toMatchObject({ flip: true, rect: { left: 0, top: 0, width: 640, height: 640 } });
    // A 2048 × 1536 camera-trap still gets both grids.
    expect(planViews(2048, 1536, 416, plan).filter((v) => v.grid === 3)).toHaveLength(9);
  });

  it('tiles overlap and cover the still edge to edge', () => {
    const tiles = planViews(2048, 1536, 416, { ...plan, grids: [2] }).filter((v) => v.grid === 2);
    const right = Math.max(...tiles.map((t) => t.rect.left + t.rect.width));
    const bottom = Math.max(...tiles.map((t) => t.rect.top + t.rect.height));
    expect([right, bottom]).toEqual([2048, 1536]);
    expect(tiles[0]!.rect.width).toBeGreaterThan(2048 / 2);
  });

  it('maps a box back from a mirrored view and from a tile', () => {
    const whole = { left: 0, top: 0, width: 100, height: 50 };
    expect(viewBoxToStill([10, 5, 30, 25], { rect: whole, flip: true, grid: 1 })).toEqual([70, 5, 90, 25]);
    expect(
      viewBoxToStill([10, 5, 30, 25], {
        rect: { left: 40, top: 20, width: 60, height: 30 },
        flip: false,
        grid: 2,
      }),
    ).toEqual([50, 25, 70, 45]);
  });

  it('cuts a close-up around a box with context, inside the still', () => {
    expect(closeUpRect([100, 100, 200, 150], 1000, 1000, 0.5)).toEqual({
      left: 50,
      top: 25,
      width: 200,
      height: 200,
    });
    expect(closeUpRect([0, 0, 100, 100], 150, 150, DEFAULT_STILL_PATH_OPTIONS.secondLookMargin)).toEqual({
      left: 0,
      top: 0,
      width: 150,
      height: 150,
    });
  });
});
