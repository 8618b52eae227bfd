// Worker configuration from environment variables.
import { hostname } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@toc/server/config';
import type { NotifyConfig } from './notify/channels-from-config';

export interface WorkerConfig {
  workerId: string;
  databaseUrl: string;
  redisUrl: string;
  modelsDir: string | undefined;
  inferenceThreads: number;
  inferenceSpinning: boolean;
  vehicleIntervalS: number;
  stallTimeoutS: number;
  probeTimeoutS: number;
  retryInitialS: number;
  retryMaxS: number;
  reconcileIntervalS: number;
  /** Cameras this process runs at most. */
  cameraCapacity: number;
  /** A camera job's lock: a dead worker's cameras move to another worker after about this long. */
  cameraLockS: number;
  /** How often each camera reports its health figures. */
  healthIntervalS: number;
  snapshotDir: string;
  queuePrefix: string;
  /** Base URL of the control room, for links in notifications. */
  publicUrl: string;
  notify: NotifyConfig;
  /** Live-frame endpoint for the server (frames never go through Redis); port 0 picks a free one. */
  frameHost: string;
  framePort: number;
  frameAdvertiseHost: string | undefined;
  liveMaxFps: number;
  /** How often tracked objects of a calibrated camera go to the map. */
  objectsIntervalMs: number;
}

const list = (value: string | undefined) => (value ? value.split(',') : []);
const number = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const config: WorkerConfig = {
    workerId: env.WORKER_ID ?? `${hostname()}-${process.pid}`,
    databaseUrl: env.DATABASE_URL ?? 'postgres://toc:toc@127.0.0.1:55432/toc',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:56379',
    modelsDir: env.MODELS_DIR,
    inferenceThreads: number(env.INFERENCE_THREADS, 1),
    inferenceSpinning: env.INFERENCE_SPINNING === '1',
    vehicleIntervalS: number(env.VEHICLE_INTERVAL_S, 10),
    stallTimeoutS: number(env.STALL_TIMEOUT_S, 10),
    probeTimeoutS: number(env.PROBE_TIMEOUT_S, 10),
    retryInitialS: number(env.RETRY_INITIAL_S, 2),
    retryMaxS: number(env.RETRY_MAX_S, 60),
    reconcileIntervalS: number(env.RECONCILE_INTERVAL_S, 30),
    cameraCapacity: number(env.WORKER_CAMERA_CAPACITY, 8),
    cameraLockS: number(env.CAMERA_LOCK_S, 15),
    healthIntervalS: number(env.HEALTH_INTERVAL_S, 5),
    snapshotDir: path.resolve(env.SNAPSHOT_DIR ?? path.join(REPO_ROOT, '.data', 'snapshots')),
    queuePrefix: env.QUEUE_PREFIX ?? 'toc',
    publicUrl: env.PUBLIC_URL ?? 'http://127.0.0.1:3000',
    frameHost: env.WORKER_FRAME_HOST ?? '127.0.0.1',
    framePort: env.WORKER_FRAME_PORT ? Number(env.WORKER_FRAME_PORT) : 0,
    frameAdvertiseHost: env.WORKER_FRAME_ADVERTISE_HOST,
    liveMaxFps: number(env.LIVE_MAX_FPS, 5),
    objectsIntervalMs: number(env.OBJECTS_INTERVAL_MS, 1000),
    notify: {
      webhookUrls: list(env.NOTIFY_WEBHOOK_URLS),
      webhookSecret: env.NOTIFY_WEBHOOK_SECRET,
      lineToken: env.LINE_CHANNEL_TOKEN,
      lineTargets: list(env.LINE_TARGETS),
      lineBaseUrl: env.LINE_API_BASE_URL,
    },
  };
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'number' && key !== 'framePort' && !(value > 0)) throw new Error(`Invalid worker configuration: ${key} must be > 0`);
  }
  return config;
}
