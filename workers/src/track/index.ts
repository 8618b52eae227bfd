// Public API of the tracking stage.
export {
  createTracker,
  track,
  coast,
  trackerStats,
  sanitizeDetections,
  DEFAULT_TRACKER_OPTIONS,
  type TrackerOptions,
  type TrackerOptionsInput,
  type TrackerState,
  type TrackerStats,
  type TrackResult,
} from './tracker';
export { DEFAULT_CLASS_GROUPS, type ClassGroups } from './class-groups';
export { DEFAULT_KALMAN_OPTIONS, type KalmanOptions } from './kalman-filter';
