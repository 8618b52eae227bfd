// GTFS-RT VehiclePositions input: polls GTFS_RT_POSITIONS_URL every GTFS_RT_POLL_S seconds into the GPS fix stream.
import { Redis } from 'ioredis';
import pino from 'pino';
import { createPool } from '@toc/server/db/pool';
import { GtfsRtPoller } from './gtfs-rt-poller';

const env = process.env;
const log = pino({ name: 'gtfs-rt-input', level: env.LOG_LEVEL ?? 'info' });
const url = env.GTFS_RT_POSITIONS_URL;
const intervalS = Number(env.GTFS_RT_POLL_S ?? 15);
if (!url || !/^https?:\/\//.test(url)) throw new Error('GTFS_RT_POSITIONS_URL must be an http(s) URL');
if (!(intervalS >= 1)) throw new Error('GTFS_RT_POLL_S must be at least 1');
if (!env.DATABASE_URL || !env.REDIS_URL) throw new Error('DATABASE_URL and REDIS_URL must be set');

const pool = createPool(env.DATABASE_URL, 2);
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
const poller = new GtfsRtPoller({
  url,
  db: pool,
  redis,
  queuePrefix: env.QUEUE_PREFIX ?? 'toc',
  idPrefix: env.GTFS_RT_ID_PREFIX ?? '',
  streamMaxLen: Number(env.GPS_STREAM_MAXLEN ?? 100_000),
});

const reported = new Set<string>();
async function poll(): Promise<void> {
  try {
    const result = await poller.pollOnce();
    const fresh = result.unknownDevices.filter((id) => !reported.has(id));
    fresh.forEach((id) => reported.add(id));
    // Each unknown vehicle is named once: register a device with that unique id to take its positions.
    if (fresh.length > 0) log.warn({ devices: fresh.slice(0, 20), count: fresh.length }, 'vehicles in the feed without a registered device');
    log.debug(result, 'polled');
  } catch (error) {
    log.warn({ err: error }, 'GTFS-RT poll failed; trying again at the next interval');
  }
}

await poll();
const timer = setInterval(() => void poll(), intervalS * 1000);
log.info({ url, intervalS }, 'GTFS-RT VehiclePositions input started');
const stop = async (): Promise<void> => {
  clearInterval(timer);
  await Promise.allSettled([pool.end(), redis.quit()]);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
