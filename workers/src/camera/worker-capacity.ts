// How many cameras a worker process takes, from what its cameras measured: their detector time against the budget
// of the detector thread they share, no new camera while any is short of frames, never more than the ceiling.

/** What one running camera costs this worker and whether it keeps up. */
export interface CameraLoad {
  /** Frames a second the camera asks the detector for (its detect rate: the peak, motion gating aside). */
  detectFps: number;
  /** Detector time a frame takes, tiles included; null until one was measured here. */
  inferenceMsPerFrame: number | null;
  /** The camera is behind, or dropping frames its detector did not get to. */
  shortOfFrames: boolean;
  /** No frame for a while (stream down, camera unreachable): it costs nothing until it streams again. */
  silent: boolean;
}

export interface CapacityOptions {
  /** Never more cameras than this (WORKER_CAMERA_CAPACITY). */
  ceiling: number;
  /** Cameras taken before any was measured (WORKER_CAMERA_START): the first guess, corrected by measurement. */
  startCameras: number;
  /** Share of each second the detector thread may be busy (WORKER_INFERENCE_SHARE): decoding and tracking need the rest. */
  inferenceShare: number;
}

export type CapacityReason = 'unmeasured' | 'measured' | 'ceiling' | 'short';

export interface WorkerCapacity {
  /** Cameras this worker may run now; never fewer than it runs (it takes none, it drops none). */
  cameras: number;
  reason: CapacityReason;
  /** Detector milliseconds a second the cameras running need (unmeasured ones as the measured mean), and the budget. */
  demandMsPerS: number;
  budgetMsPerS: number;
}

const costOf = (load: CameraLoad) => load.detectFps * (load.inferenceMsPerFrame ?? 0);

export function workerCapacity(loads: readonly CameraLoad[], options: CapacityOptions): WorkerCapacity {
  const running = loads.length;
  const budgetMsPerS = 1000 * options.inferenceShare;
  // A silent camera holds a slot but no detector time: a province always has dead cameras, and workers full of them
  // would leave live ones waiting. Back online, it is measured like the rest (and a worker short of frames stops).
  const streaming = loads.filter((load) => !load.silent);
  const silent = running - streaming.length;
  const measured = streaming.filter((load) => load.inferenceMsPerFrame !== null);
  const measuredCost = measured.reduce((sum, load) => sum + costOf(load), 0);
  // A streaming camera not measured yet is expected to cost what the others do.
  const meanCost = measured.length ? measuredCost / measured.length : 0;
  const demandMsPerS = Math.round(measuredCost + (streaming.length - measured.length) * meanCost);
  const result = (cameras: number, reason: CapacityReason): WorkerCapacity => ({
    cameras: Math.max(running, cameras),
    reason,
    demandMsPerS,
    budgetMsPerS,
  });

  // Measured speed is a forecast; a camera that is short of frames is the fact.
  if (loads.some((load) => load.shortOfFrames)) return result(running, 'short');
  if (measured.length === 0)
    return result(Math.min(options.ceiling, options.startCameras + silent), 'unmeasured');
  const more = meanCost > 0 ? Math.floor((budgetMsPerS - demandMsPerS) / meanCost) : Infinity;
  const cameras = running + Math.max(0, more);
  return cameras >= options.ceiling ? result(options.ceiling, 'ceiling') : result(cameras, 'measured');
}
