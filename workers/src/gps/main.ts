// GPS worker process: reads the fixes stream, filters, stores and publishes bus positions; stops cleanly on signals.
import { Redis } from 'ioredis';
import pino from 'pino';
import { createPool } from '@toc/server/db/pool';
import { loadWorkerConfig } from '../config';
import { GpsWorker, type GpsLog } from './gps-worker';

const config = loadWorkerConfig();
const logger = pino({ name: 'gps-worker', level: process.env.LOG_LEVEL ?? 'info' });
const log: GpsLog = (level, message, detail) => logger[level](detail ?? {}, message);
const db = createPool(config.databaseUrl, 4);
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
redis.on('error', (error) => logger.warn({ err: error.message }, 'redis error'));

const worker = new GpsWorker({ config: config.gps, queuePrefix: config.queuePrefix, db, redis, log });

// One bad fix or batch is contained in the worker; anything escaping is logged, never fatal.
process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await worker.stop();
    await Promise.allSettled([db.end(), redis.quit()]);
    process.exit(0);
  });
}

await worker.start();
