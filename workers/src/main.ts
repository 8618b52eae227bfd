// Worker entry point: takes camera jobs up to its capacity, processes camera-trap stills, reports health; stops cleanly on signals.
import { Redis } from 'ioredis';
import pino from 'pino';
import { createPool } from '@toc/server/db/pool';
import { createEventStore } from '@toc/server/services/event-store.service';
import { reportCameraStatus } from '@toc/server/services/camera-status.service';
import { listCameras } from '@toc/server/repositories/cameras.repository';
import { parseSecretKeyring } from '@toc/server/secrets/secret-box';
import { channelNames } from '@toc/server/realtime/channel-names';
import { loadWorkerConfig } from './config';
import { channelsFromConfig } from './notify/channels-from-config';
import { DetectorPool } from './detect/detector-pool';
import { CameraJobHost } from './camera/camera-jobs';
import { CameraRunner, type CameraRunnerContext } from './camera/camera-runner';
import { startTrapImageWorker } from './traps/trap-image.worker';
import { createLiveVideo } from './live/live-setup';
import { startEscalator } from './escalation/escalator';
import { startCleaner } from './record/cleaner';
import { startExports } from './export/start-exports';
import { BehindCameras } from './camera/behind-cameras';
import { keepBehindAlarms } from './camera/behind-alarm-keeper';
import { WaitingCamerasWatch } from './camera/waiting-cameras';
import { startLeasedLoop } from './lib/leased-loop';
import { startRequestNoticeWorker } from './notify/request-notices.worker';

const config = loadWorkerConfig();
const log = pino({
  name: 'camera-worker',
  level: process.env.LOG_LEVEL ?? 'info',
  base: { workerId: config.workerId },
});
const db = createPool(config.databaseUrl, 6, {
  connectTimeoutMs: config.dbConnectTimeoutS * 1000,
  queryTimeoutMs: config.dbQueryTimeoutS * 1000,
});
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
redis.on('error', (error) => log.warn({ err: error.message }, 'redis error'));

const logTo: CameraRunnerContext['log'] = (level, message, detail) => log[level](detail ?? {}, message);
const detectors = new DetectorPool({
  modelsDir: config.modelsDir,
  threads: config.inferenceThreads,
  spinning: config.inferenceSpinning,
});
// Events and camera statuses are announced on this deployment's channels (under QUEUE_PREFIX).
const announcer = { redis, channels: channelNames(config.queuePrefix) };
const events = createEventStore(db, announcer);
const notifier = { db, config: { ...config.notify, publicUrl: config.publicUrl }, log: logTo };
// A configured URL the outbound checks refuse shows now, not at the first warning (which then goes to the stored targets only).
try {
  channelsFromConfig(config.notify);
} catch (error) {
  log.error({ err: (error as Error).message }, 'configured notification channels refused');
}
const { live, frameServer } = createLiveVideo(config, redis, logTo);
const behindCameras = new BehindCameras({ db, events, workerId: config.workerId, log: logTo });
const runnerContext: CameraRunnerContext = {
  config,
  live,
  behindCameras,
  db,
  detectors,
  events,
  notifier,
  reportStatus: (report) => reportCameraStatus({ db, ...announcer }, report),
  log: logTo,
};
const host = new CameraJobHost({
  config,
  db,
  redis,
  keys: parseSecretKeyring(config.cameraSecretKey, config.cameraSecretKeyPrevious),
  startCamera: (camera) => new CameraRunner(camera, runnerContext),
  log: logTo,
});
const traps = startTrapImageWorker({ config, db, detectors, events, notifier });
// Every worker runs it: claiming an alarm is one statement, so each is escalated once however many run.
const escalator = startEscalator(
  { db, events, notifier, now: Date.now, log: logTo },
  config.escalationIntervalS,
);
// Every worker runs the loop; a lease in Redis lets one of them clean at a time.
const cleaner = startCleaner(
  {
    db,
    events,
    redis,
    config: config.recording,
    leaseKey: `${config.queuePrefix}:recording-cleaner`,
    log: logTo,
  },
  config.recording.cleanIntervalS,
);
traps.on('failed', (job, error) => log.warn({ jobId: job?.id, err: error.message }, 'trap image failed'));

// A failure in one camera is contained in its runner; anything escaping is logged, never fatal.
process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection'));

/**
 * What starts below the signal handlers, set as it starts: a signal during start-up (a pod stopped as it comes up)
 * closes what has started, where reading a `const` declared further down would throw and leave the process hanging.
 */
const started: {
  exports?: Awaited<ReturnType<typeof startExports>>;
  requestNotices?: ReturnType<typeof startRequestNoticeWorker>;
  behindKeeper?: ReturnType<typeof keepBehindAlarms>;
  waitingWatch?: ReturnType<typeof startLeasedLoop>;
} = {};
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await escalator.stop();
    await cleaner.stop();
    await started.behindKeeper?.stop();
    await started.waitingWatch?.stop();
    await host.stop();
    // The cameras handed back are no longer behind here: the alarm says so before the pool closes.
    await behindCameras.written();
    await live.close();
    await frameServer.close();
    await traps.close();
    await started.exports?.close();
    await started.requestNotices?.close();
    await detectors.close();
    await Promise.allSettled([db.end(), redis.quit()]);
    process.exit(0);
  });
}

started.exports = await startExports({ config, db, redis, log: logTo });
started.requestNotices = startRequestNoticeWorker(notifier, {
  url: config.redisUrl,
  prefix: config.queuePrefix,
});
const frameUrl = await frameServer.listen();
await host.start();
// Every worker runs it: ending a gone worker's alarm is idempotent, so two workers seeing it gone do no harm.
started.behindKeeper = keepBehindAlarms({ db, events, behindCameras, config, host, log: logTo });
// One worker at a time (a lease): the cluster's cameras that no worker has room for, as one alarm.
const waitingCameras = new WaitingCamerasWatch({
  db,
  events,
  enabledCameras: async () => (await listCameras(db)).filter((camera) => camera.enabled),
  waitingCameraIds: () => host.waitingCameraIds(),
});
started.waitingWatch = startLeasedLoop({
  redis,
  leaseKey: `${config.queuePrefix}:waiting-cameras`,
  everyS: config.reconcileIntervalS,
  pass: () => waitingCameras.pass(),
  onError: (error) => log.error({ err: error.message }, 'waiting-cameras pass failed'),
});
log.info(
  {
    cameraStart: config.cameraStart,
    cameraCeiling: config.cameraCapacity,
    inferenceShare: config.inferenceShare,
    frameUrl,
  },
  'camera worker started',
);
