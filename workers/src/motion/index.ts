// Public API of the motion gate stage.
export {
  greyThumbnail,
  thumbnailFactor,
  DEFAULT_THUMBNAIL_MAX_WIDTH,
  type GreyImage,
  type GreyThumbnailOptions,
} from './grey-thumbnail';
export {
  createMotionGate,
  updateMotionGate,
  motionGateStats,
  regionsToSource,
  DEFAULT_MOTION_GATE_OPTIONS,
  type GateReason,
  type GreyFrame,
  type MotionGateOptions,
  type MotionGateResult,
  type MotionGateState,
  type MotionGateStats,
} from './motion-gate';
