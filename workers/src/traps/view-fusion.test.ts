import { describe, expect, it } from 'vitest';
import type { Detection } from '@toc/models';
import { DEFAULT_STILL_PATH_OPTIONS } from './still-options';
import type { StillView } from './still-views';
import { fuseViews, type ViewDetections } from './view-fusion';

const still = { width: 800, height: 600 };
const whole: StillView = { rect: { left: 0, top: 0, ...still }, flip: false, grid: 1 };
const mirror: StillView = { ...whole, flip: true };
const leftTile: StillView = { rect: { left: 0, top: 0, width: 450, height: 340 }, flip: false, grid: 2 };
const det = (label: string, score: number, box: Detection['box']): Detection => ({
  classId: label === 'elephant' ? 20 : 19,
  label,
  score,
  box,
});
const seen = (view: StillView, detections: Detection[], pixelsPerModelPx = 2): ViewDetections => ({
  view,
  pixelsPerModelPx,
  detections,
});

describe('view fusion', () => {
  it('scores an object by its best two views, a view that missed it counting as 0', () => {
    const [object, ...rest] = fuseViews(
      [
        seen(whole, [det('elephant', 0.8, [100, 100, 300, 250])]),
        seen(mirror, [det('elephant', 0.6, [105, 98, 302, 252])]),
        seen(leftTile, [], 1),
      ],
      still,
      DEFAULT_STILL_PATH_OPTIONS,
    );
    expect(rest).toEqual([]);
    expect(object).toMatchObject({ label: 'elephant', voters: 3, found: 2 });
    expect(object!.score).toBeCloseTo(0.7);
  });

  it('damps an elephant that one view alone saw', () => {
    const [object] = fuseViews(
      [seen(whole, [det('elephant', 0.8, [100, 100, 300, 250])]), seen(mirror, [])],
      still,
      DEFAULT_STILL_PATH_OPTIONS,
    );
    expect(object!.score).toBeCloseTo(0.4);
  });

  it('lets large animals compete for one object: the class the views agree on wins', () => {
    const [object] = fuseViews(
      [
        seen(whole, [det('elephant', 0.55, [100, 100, 300, 250])]),
        seen(mirror, [det('cow', 0.7, [100, 100, 300, 250])]),
      ],
      still,
      { ...DEFAULT_STILL_PATH_OPTIONS, agreeViews: 2 },
    );
    expect(object).toMatchObject({ label: 'cow', scores: { elephant: 0.275, cow: 0.35 } });
  });

  it('joins the part of an animal a tile edge cut to the whole animal, but keeps a calf beside its mother', () => {
    const mother = det('elephant', 0.9, [300, 100, 600, 330]);
    const cutPart = det('elephant', 0.5, [300, 110, 450, 320]); // ends at the tile's right edge (450)
    const calf = det('elephant', 0.7, [320, 200, 420, 320]); // inside the mother's box, not cut by any view
    const objects = fuseViews(
      [seen(whole, [mother, calf]), seen(leftTile, [cutPart], 1)],
      still,
      DEFAULT_STILL_PATH_OPTIONS,
    );
    expect(objects).toHaveLength(2);
  });

  it('judges an object too small for every view by the views that found it', () => {
    const tiny = det('elephant', 0.6, [10, 10, 20, 20]);
    const [object] = fuseViews(
      [seen(whole, [tiny], 4), seen(mirror, [tiny], 4)],
      still,
      DEFAULT_STILL_PATH_OPTIONS,
    );
    expect(object).toMatchObject({ voters: 2, found: 2, score: 0.6 });
  });
});
