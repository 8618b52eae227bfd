// Worker configuration from environment variables.
import { hostname } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@toc/server/config';
import { commaList } from '@toc/server/lib/comma-list';
import { parseAllowList } from '@toc/server/lib/outbound-allow-list';
import { loadRecordingConfig, type RecordingConfig } from '@toc/server/recording-config';
import { loadEvidenceConfig, type EvidenceConfig } from '@toc/server/evidence-config';
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
  /** A stream must deliver frames this long before its reconnect backoff starts over (a flapping camera keeps backing off). */
  retryStableS: number;
  reconcileIntervalS: number;
  /** Cameras this process runs at most, however fast its detector measures. */
  cameraCapacity: number;
  /** Cameras it takes before it has measured any: corrected, up or down, once they report. */
  cameraStart: number;
  /** Share of each second its detector thread may be busy; decoding, tracking and rules need the rest. */
  inferenceShare: number;
  /** A camera job's lock: a dead worker's cameras move to another worker after about this long. */
  cameraLockS: number;
  /** How often each camera reports its health figures. */
  healthIntervalS: number;
  /** A camera's database writes held at most while the database is away (the oldest waiting go past it). */
  heldWritesMax: number;
  /** A camera being stopped waits this long for the writes it holds to be written (inside the shutdown grace time). */
  heldWritesStopWaitS: number;
  /**
   * Where a camera's held writes are spilled, write-ahead: on storage every worker reads, so the worker that takes
   * the camera next writes what a killed or stopped one still held.
   */
  heldWritesDir: string;
  /** A write waits this long for a database connection before it counts as an outage (and is held). */
  dbConnectTimeoutS: number;
  /** A query waits this long for its answer (a host fallen silent on an open connection), then is held like a refused one. */
  dbQueryTimeoutS: number;
  /** How often unacknowledged alarms are checked against the escalation policies. */
  escalationIntervalS: number;
  snapshotDir: string;
  queuePrefix: string;
  /** CAMERA_SECRET_KEY as given (base64): the camera worker parses it at start to open camera credentials. */
  cameraSecretKey: string;
  /** CAMERA_SECRET_KEY_PREVIOUS during a key rotation: credentials the server has not sealed again yet still open. */
  cameraSecretKeyPrevious: string[];
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
  gps: GpsWorkerConfig;
  recording: RecordingConfig;
  evidence: EvidenceConfig;
}

/** The GPS worker (workers/src/gps): batching, filters, storage and publishing. */
export interface GpsWorkerConfig {
  /** Stream consumer name; one GPS worker per deployment (the filters keep per-device state in memory). */
  consumer: string;
  /** A COPY goes out at this many rows, or after flushMs, whichever comes first. */
  batchRows: number;
  flushMs: number;
  maxSpeedKmh: number;
  maxAgeDays: number;
  futureToleranceS: number;
  jumpResetCount: number;
  retentionDays: number;
  partitionDaysAhead: number;
  /** Bus deltas are coalesced (latest per vehicle) and published this often. */
  publishMs: number;
  tickS: number;
  /** Run the transit engine (trip matching, arrivals); off leaves every bus 'unassigned'. */
  transit: boolean;
}

const number = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

/** The recordings volume when there is one (the storage the deployment shares among workers), else the snapshots. */
function defaultHeldWritesDir(recording: RecordingConfig, snapshotDir: string): string {
  return path.join(recording.dir ?? snapshotDir, '.held-writes');
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const recording = loadRecordingConfig(env);
  const snapshotDir = path.resolve(env.SNAPSHOT_DIR ?? path.join(REPO_ROOT, '.data', 'snapshots'));
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
    retryStableS: number(env.RETRY_STABLE_S, 30),
    reconcileIntervalS: number(env.RECONCILE_INTERVAL_S, 30),
    cameraCapacity: number(env.WORKER_CAMERA_CAPACITY, 32),
    cameraStart: number(env.WORKER_CAMERA_START, 8),
    inferenceShare: number(env.WORKER_INFERENCE_SHARE, 0.8),
    cameraLockS: number(env.CAMERA_LOCK_S, 15),
    healthIntervalS: number(env.HEALTH_INTERVAL_S, 5),
    heldWritesMax: number(env.HELD_WRITES_MAX, 5_000),
    heldWritesStopWaitS: number(env.HELD_WRITES_STOP_WAIT_S, 20),
    heldWritesDir: path.resolve(env.HELD_WRITES_DIR || defaultHeldWritesDir(recording, snapshotDir)),
    dbConnectTimeoutS: number(env.DB_CONNECT_TIMEOUT_S, 10),
    dbQueryTimeoutS: number(env.DB_QUERY_TIMEOUT_S, 30),
    escalationIntervalS: number(env.ESCALATION_INTERVAL_S, 30),
    snapshotDir,
    queuePrefix: env.QUEUE_PREFIX ?? 'toc',
    cameraSecretKey: env.CAMERA_SECRET_KEY ?? '',
    cameraSecretKeyPrevious: commaList(env.CAMERA_SECRET_KEY_PREVIOUS),
    publicUrl: env.PUBLIC_URL ?? 'http://127.0.0.1:3000',
    frameHost: env.WORKER_FRAME_HOST ?? '127.0.0.1',
    framePort: env.WORKER_FRAME_PORT ? Number(env.WORKER_FRAME_PORT) : 0,
    frameAdvertiseHost: env.WORKER_FRAME_ADVERTISE_HOST,
    liveMaxFps: number(env.LIVE_MAX_FPS, 5),
    objectsIntervalMs: number(env.OBJECTS_INTERVAL_MS, 1000),
    gps: {
      consumer: env.GPS_CONSUMER ?? 'gps-1',
      batchRows: number(env.GPS_BATCH_ROWS, 2000),
      flushMs: number(env.GPS_FLUSH_MS, 100),
      maxSpeedKmh: number(env.GPS_MAX_SPEED_KMH, 200),
      maxAgeDays: number(env.GPS_MAX_AGE_DAYS, 7),
      futureToleranceS: number(env.GPS_FUTURE_TOLERANCE_S, 60),
      jumpResetCount: number(env.GPS_JUMP_RESET_COUNT, 5),
      retentionDays: number(env.GPS_RETENTION_DAYS, 90),
      partitionDaysAhead: number(env.GPS_PARTITION_DAYS_AHEAD, 2),
      publishMs: number(env.GPS_PUBLISH_MS, 250),
      tickS: number(env.GPS_TICK_S, 5),
      transit: env.GPS_TRANSIT !== 'off',
    },
    recording,
    evidence: loadEvidenceConfig(env),
    notify: {
      webhookUrls: commaList(env.NOTIFY_WEBHOOK_URLS),
      webhookSecret: env.NOTIFY_WEBHOOK_SECRET,
      lineToken: env.LINE_CHANNEL_TOKEN,
      lineTargets: commaList(env.LINE_TARGETS),
      lineBaseUrl: env.LINE_API_BASE_URL,
      allowedHosts: commaList(env.NOTIFY_ALLOWED_HOSTS),
    },
  };
  parseAllowList(config.notify.allowedHosts ?? []); // a typo in NOTIFY_ALLOWED_HOSTS shows at startup
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'number' && key !== 'framePort' && !(value > 0))
      throw new Error(`Invalid worker configuration: ${key} must be > 0`);
  }
  for (const [key, value] of Object.entries(config.gps)) {
    if (typeof value === 'number' && !(value > 0))
      throw new Error(`Invalid worker configuration: gps.${key} must be > 0`);
  }
  return config;
}
