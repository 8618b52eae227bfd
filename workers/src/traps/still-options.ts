// Options of the camera-trap still path: which views to detect on, how to fuse them, when to take a second look.

export interface StillPathOptions {
  /** Also detect on the mirrored whole still (an animal facing the other way scores differently). */
  flip: boolean;
  /** Tile grids (n × n) tried besides the whole still, for small or distant animals. */
  grids: readonly number[];
  /** Share of a tile that overlaps its neighbour, so an animal cut by one tile is whole in the next. */
  tileOverlap: number;
  /** A grid is used only if its tiles keep at least this share of the model input (finer tiles only upsample). */
  minTileShare: number;
  /** An object's class score is the mean of its best this-many views (views that could see it). */
  agreeViews: number;
  /** A view votes on an object only if the object's shorter side spans this many model pixels in it. */
  minObjectPx: number;
  /** A view votes on an object only if this share of the object lies inside the view. */
  minCoverage: number;
  /** Detections from different views are one object above this IoU, or this containment (a part cut by a tile). */
  sameObjectIou: number;
  sameObjectContainment: number;
  /** Classes a distant or grey elephant is confused with; they compete for the same object. */
  largeAnimals: readonly string[];
  /** At most this many second looks at large animals per still (the best elephant scores first). */
  maxSecondLooks: number;
  /** Context kept around the object in the second look, as a share of its size on each side. */
  secondLookMargin: number;
  /** Weight of the second look against the views of the whole still. */
  secondLookWeight: number;
  /** A still is a sighting when an object fused as an elephant scores this; below the single-view rule's
   *  0.5 because a fused score is already the agreement of two views (measured in eval/trap-stills.eval.ts). */
  sightingMinScore: number;
  /**
   * A grey still (night infrared) is also looked at by this second model, when the worker has it: the nano model finds
   * far fewer elephants in grey stills than in colour (eval/trap-stills.eval.ts). Null: one model for every still.
   */
  greySecondModel: string | null;
  /** On grey stills, the first model's share of each class score; the second model has the rest. */
  greyPrimaryWeight: number;
  /** A still is grey when its channels differ by at most this many levels on average (JPEG noise, a sensor's tint). */
  greyTolerance: number;
}

export const DEFAULT_STILL_PATH_OPTIONS: StillPathOptions = {
  flip: true,
  grids: [2, 3],
  tileOverlap: 0.25,
  minTileShare: 0.75,
  agreeViews: 2,
  minObjectPx: 24,
  minCoverage: 0.85,
  sameObjectIou: 0.4,
  sameObjectContainment: 0.7,
  largeAnimals: ['elephant', 'bear', 'cow', 'horse', 'sheep'],
  maxSecondLooks: 4,
  secondLookMargin: 1,
  secondLookWeight: 0.5,
  sightingMinScore: 0.4,
  greySecondModel: 'picodet_s_416',
  greyPrimaryWeight: 0.6,
  greyTolerance: 4,
};
