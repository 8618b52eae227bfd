// Public API of @toc/models: manifests, locating weights, pre-processing, decoders and the detector.
export * from './manifest.schema';
export * from './detection.schema';
export { COCO80_LABELS } from './coco-labels';
export { parseManifest, listModels, getManifest } from './registry';
export { locateModel, ModelFileError, type LocateOptions } from './locate';
export { sharedDir, defaultModelsDir } from './shared-paths';
export { resizeGeometry, type ResizeGeometry } from './preprocess/resize-geometry';
export { letterbox } from './preprocess/letterbox';
export { frameGeometry, type FrameGeometry } from './preprocess/frame-geometry';
export { tensorFromPackedFrame, tensorFromPackedRegion } from './preprocess/packed-frame';
export { tensorFromPackedOverview, type OverviewInput } from './preprocess/packed-overview';
export {
  tiledFrameGeometry,
  TILE_OVERLAP,
  type TileGrid,
  type TiledGeometry,
} from './preprocess/tile-geometry';
export { mergeTileDetections, type TileDetections } from './decoders/merge-tiles';
export { prepareImage, type PreparedImage } from './preprocess/prepare-image';
export { nms, iou } from './decoders/nms';
export { decodeYolox, YOLOX_STRIDES } from './decoders/yolox.decoder';
export {
  decodePicodet,
  PICODET_STRIDES,
  PICODET_BINS,
  type PicodetOutputs,
} from './decoders/picodet.decoder';
export { decodeOutputs, type OutputsByName } from './decoders/decode';
export type { DecodeOptions, DecodeManifest } from './decoders/decode-options';
export { Detector, type DetectorOptions, type DetectResult } from './detector';
export { DetectorThread, type ObjectDetector } from './thread/detector-thread';
