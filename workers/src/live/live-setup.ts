// A worker's live video side from its configuration: the feeds (frames and objects for the control room) and the
// frame server that streams them, as the worker and the scale benchmark's worker both start them.
import type { Redis } from 'ioredis';
import type { WorkerConfig } from '../config';
import { FrameServer } from './frame-server';
import { LiveFeeds, type LiveFeedsContext } from './live-feeds';

/** Streams a camera serves at once (each a socket of an operator's video wall). */
const MAX_STREAMS_PER_CAMERA = 4;

export function createLiveVideo(
  config: WorkerConfig,
  redis: Redis,
  log: LiveFeedsContext['log'],
): { live: LiveFeeds; frameServer: FrameServer } {
  const live = new LiveFeeds({
    redis,
    queuePrefix: config.queuePrefix,
    workerId: config.workerId,
    objectsIntervalMs: config.objectsIntervalMs,
    log,
  });
  const frameServer = new FrameServer(live, {
    host: config.frameHost,
    port: config.framePort,
    advertiseHost: config.frameAdvertiseHost,
    maxFps: config.liveMaxFps,
    maxStreamsPerCamera: MAX_STREAMS_PER_CAMERA,
  });
  return { live, frameServer };
}
