// Camera worker entry point: runs every enabled camera, writes events, reports health; stops cleanly on signals.
import { Redis } from 'ioredis';
import pino from 'pino';
import { createPool } from '@toc/server/db/pool';
import { createEventStore } from '@toc/server/services/event-store.service';
import { reportCameraStatus } from '@toc/server/services/camera-status.service';
import { loadWorkerConfig } from './config';
import { DetectorPool } from './detect/detector-pool';
import { CameraSupervisor } from './camera/camera-supervisor';

const config = loadWorkerConfig();
const log = pino({ name: 'camera-worker', level: process.env.LOG_LEVEL ?? 'info' });
const db = createPool(config.databaseUrl, 4);
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
redis.on('error', (error) => log.warn({ err: error.message }, 'redis error'));

const detectors = new DetectorPool({ modelsDir: config.modelsDir, threads: config.inferenceThreads });
const supervisor = new CameraSupervisor(db, {
  config,
  detectors,
  events: createEventStore(db, redis),
  reportStatus: (report) => reportCameraStatus({ db, redis }, report),
  log: (level, message, detail) => log[level](detail ?? {}, message),
});

// A failure in one camera is contained in its runner; anything escaping is logged, never fatal.
process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await supervisor.stop();
    await detectors.close();
    await Promise.allSettled([db.end(), redis.quit()]);
    process.exit(0);
  });
}

await supervisor.start(redis);
log.info({ workerId: config.workerId, cameras: supervisor.running.length }, 'camera worker started');
