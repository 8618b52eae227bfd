// Tiling for small, distant objects: the frame is scaled up onto a grid of model-sized tiles that overlap a little,
// each tile is detected on its own, and the boxes are merged back (see merge-tiles.ts).
import type { ModelManifest } from '../manifest.schema';
import type { FrameGeometry } from './frame-geometry';
import { resizeGeometry } from './resize-geometry';

export interface TileGrid {
  cols: number;
  rows: number;
  /** Also detect on the whole picture, shrunk to one model input (see packed-overview.ts). */
  overview?: boolean;
}

export interface TiledGeometry extends FrameGeometry {
  /** Each model-sized tile on the canvas (the packed frame): top-left corner and size. */
  tiles: { x: number; y: number; width: number; height: number }[];
  overview: boolean;
}

/** Share of a tile that overlaps its neighbour, so an object cut by one tile edge is whole in the other. */
export const TILE_OVERLAP = 0.1;

/**
 * The canvas is cols × rows tiles minus their overlaps; the source is scaled uniformly to fit it (padding right
 * and bottom, as the letterbox does), so every tile shows the scene without distortion.
 */
export function tiledFrameGeometry(
  manifest: Pick<ModelManifest, 'input'>,
  srcWidth: number,
  srcHeight: number,
  grid: TileGrid,
): TiledGeometry {
  const { width: tile, height: tileHeight, colorOrder, padValue } = manifest.input;
  if (!(grid.cols >= 1 && grid.rows >= 1 && Number.isInteger(grid.cols) && Number.isInteger(grid.rows))) {
    throw new Error(`Invalid tile grid ${grid.cols}×${grid.rows}`);
  }
  const overlapX = Math.round(tile * TILE_OVERLAP);
  const overlapY = Math.round(tileHeight * TILE_OVERLAP);
  const width = tile * grid.cols - overlapX * (grid.cols - 1);
  const height = tileHeight * grid.rows - overlapY * (grid.rows - 1);
  const fit = resizeGeometry(
    { ...manifest.input, width, height, resize: 'letterbox-top-left' },
    srcWidth,
    srcHeight,
  );
  const pixelFormat = colorOrder === 'BGR' ? 'bgr24' : 'rgb24';
  const grey = (padValue ?? 0).toString(16).padStart(2, '0');
  const tiles: TiledGeometry['tiles'] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++)
      tiles.push({
        x: col * (tile - overlapX),
        y: row * (tileHeight - overlapY),
        width: tile,
        height: tileHeight,
      });
  }
  return {
    filter: [
      `scale=${fit.resizedWidth}:${fit.resizedHeight}:flags=bilinear+accurate_rnd+full_chroma_int`,
      `format=${pixelFormat}`,
      `pad=${width}:${height}:0:0:color=0x${grey.repeat(3)}`,
    ].join(','),
    pixelFormat,
    frameBytes: width * height * 3,
    width,
    height,
    scaleX: fit.scaleX,
    scaleY: fit.scaleY,
    tiles,
    overview: grid.overview ?? false,
  };
}
