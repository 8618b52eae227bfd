// The scale benchmark's camera worker process: the real worker's camera jobs (BullMQ, locks, handover), event store,
// live feeds, frame server, status reports, escalator and camera.behind alarm (with its keeper), running simulated
// cameras that replay recorded detections.
// Sends its frame counters to the benchmark over IPC every second.
import { Redis } from 'ioredis';
import pino from 'pino';
import { createPool } from '@toc/server/db/pool';
import { parseSecretKeyring } from '@toc/server/secrets/secret-box';
import { reportCameraStatus } from '@toc/server/services/camera-status.service';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { keepBehindAlarms } from '../src/camera/behind-alarm-keeper';
import { BehindCameras } from '../src/camera/behind-cameras';
import { CameraJobHost } from '../src/camera/camera-jobs';
import type { CameraRunnerContext } from '../src/camera/camera-runner';
import { loadWorkerConfig } from '../src/config';
import { startEscalator } from '../src/escalation/escalator';
import { createLiveVideo } from '../src/live/live-setup';
import { newReplayCounters, SimulatedCamera } from './scale-camera';
import { replayKindOf } from './scale-cameras';
import { loadReplayClip } from './scale-recording';

const config = loadWorkerConfig();
const log = pino({
  name: 'scale-worker',
  level: process.env.LOG_LEVEL ?? 'warn',
  base: { workerId: config.workerId },
});
const logTo: CameraRunnerContext['log'] = (level, message, detail) => log[level](detail ?? {}, message);
const replay = JSON.parse(process.env.SCALE_REPLAY ?? '{}') as Record<'street' | 'pedestrians', string>;
const clips = {
  street: await loadReplayClip(replay.street),
  pedestrians: await loadReplayClip(replay.pedestrians),
};

const db = createPool(config.databaseUrl, 6, {
  connectTimeoutMs: config.dbConnectTimeoutS * 1000,
  queryTimeoutMs: config.dbQueryTimeoutS * 1000,
});
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
redis.on('error', (error) => log.warn({ err: error.message }, 'redis error'));
const announcer = { redis, channels: channelNames(config.queuePrefix) };
const events = createEventStore(db, announcer);
const notifier = { db, config: { ...config.notify, publicUrl: config.publicUrl }, log: logTo };
const { live, frameServer } = createLiveVideo(config, redis, logTo);
const counters = newReplayCounters();
const behindCameras = new BehindCameras({ db, events, workerId: config.workerId, log: logTo });
const host = new CameraJobHost({
  config,
  db,
  redis,
  keys: parseSecretKeyring(config.cameraSecretKey, config.cameraSecretKeyPrevious),
  startCamera: (camera) =>
    new SimulatedCamera(camera, {
      config,
      db,
      events,
      live,
      behindCameras,
      notifier,
      reportStatus: (report) => reportCameraStatus({ db, ...announcer }, report),
      log: logTo,
      clipFor: (c) => clips[replayKindOf(c.streamUrl)],
      counters,
    }),
  log: logTo,
});
const escalator = startEscalator(
  { db, events, notifier, now: Date.now, log: logTo },
  config.escalationIntervalS,
);
let behindKeeper = { stop: async (): Promise<void> => undefined };
process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection'));

const reporter = setInterval(() => process.send?.({ kind: 'counters', at: Date.now(), counters }), 1000);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(reporter);
    // Each stage's seconds in the log: where an overloaded worker's hand-back spends its grace time.
    const stages: Record<string, number> = {};
    let mark = performance.now();
    const stage = async (name: string, work: () => Promise<unknown>) => {
      await work();
      const now = performance.now();
      stages[name] = Math.round(now - mark) / 1000;
      mark = now;
    };
    await stage('escalator', () => escalator.stop());
    await stage('behindKeeper', () => behindKeeper.stop());
    await stage('cameras', () => host.stop());
    await stage('behindAlarm', () => behindCameras.written());
    await stage('live', () => live.close());
    await stage('frameServer', () => frameServer.close());
    await stage('stores', () => Promise.allSettled([db.end(), redis.quit()]));
    log.warn({ signal, stages }, 'stopped: cameras handed back');
    process.exit(0);
  });
}

await frameServer.listen();
await host.start();
behindKeeper = keepBehindAlarms({ db, events, behindCameras, config, host, log: logTo });
process.send?.({ kind: 'started' });
