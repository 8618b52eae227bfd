// The frame ffmpeg delivers for a camera (model input, or a canvas of tiles) and where the picture sits in it.
import { frameGeometry, tiledFrameGeometry, type FrameGeometry, type ObjectDetector, type TiledGeometry } from '@toc/models';
import { tilingGrid, type Tiling } from '@toc/server/schemas';
import type { Box } from './types';

/** Where the picture sits inside a model-sized frame, and the size of the camera's own picture. */
export interface FrameLayout {
  /** Size of the packed frame (the model input). */
  frameWidth: number;
  frameHeight: number;
  /** The picture's size inside the frame (letterboxed frames are padded right and bottom). */
  contentWidth: number;
  contentHeight: number;
  colorOrder: 'BGR' | 'RGB';
  /** Source (camera) resolution: detections and zones are in these pixels. */
  sourceWidth: number;
  sourceHeight: number;
}

/** The model input itself, or a canvas of tiles for a tiled camera ("whole+2x2": the tiles and the whole picture). */
export function cameraGeometry(detector: ObjectDetector, tiling: Tiling, width: number, height: number): FrameGeometry | TiledGeometry {
  const grid = tilingGrid(tiling);
  return grid ? tiledFrameGeometry(detector.manifest, width, height, grid) : frameGeometry(detector.manifest, width, height);
}

/** What a frame step needs to know of the canvas: nothing for one whole frame. */
export function tilesOf(geometry: FrameGeometry | TiledGeometry): { tiles?: TiledGeometry['tiles']; overview?: boolean } {
  return 'tiles' in geometry ? { tiles: geometry.tiles, overview: geometry.overview } : {};
}

export function frameLayout(detector: ObjectDetector, geometry: FrameGeometry, sourceWidth: number, sourceHeight: number): FrameLayout {
  return {
    frameWidth: geometry.width,
    frameHeight: geometry.height,
    contentWidth: Math.min(geometry.width, Math.round(sourceWidth / geometry.scaleX)),
    contentHeight: Math.min(geometry.height, Math.round(sourceHeight / geometry.scaleY)),
    colorOrder: detector.manifest.input.colorOrder,
    sourceWidth,
    sourceHeight,
  };
}

/** Source pixels → pixels of the picture inside the packed frame. */
export function toContent(box: Box, layout: FrameLayout): Box {
  const sx = layout.contentWidth / layout.sourceWidth;
  const sy = layout.contentHeight / layout.sourceHeight;
  return [box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy];
}
