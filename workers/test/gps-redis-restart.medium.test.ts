// Medium: Redis (append-only, as deployed) killed and started again while GPS devices keep sending: the ingest
// answers 503 with the reason while it is away, devices send those batches again, and every fix that was accepted
// is stored exactly once by the GPS worker once Redis is back (real server, Redis stream, worker and PostGIS).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisProcess, type RedisProcess } from '@toc/server/testing/redis-process';
import { startGpsRig, until, type GpsRig } from './gps-rig';

const SEND_EVERY_MS = 100;
const FIXES_PER_BATCH = 2;

let redis: RedisProcess;
let redisDir: string;
let rig: GpsRig;

beforeAll(async () => {
  redisDir = await mkdtemp(path.join(tmpdir(), 'toc-gps-redis-'));
  redis = await redisProcess({ appendOnlyDir: redisDir });
  await redis.start();
  rig = await startGpsRig({ redisUrl: redis.url });
}, 60_000);

afterAll(async () => {
  await rig?.stop();
  await redis?.kill();
  if (redisDir) await rm(redisDir, { recursive: true, force: true });
});

const stored = async (deviceId: number) => {
  const { rows } = await rig.app.db.query<{ fixes: number; distinct_times: number }>(
    'SELECT count(*)::int AS fixes, count(DISTINCT fix_time)::int AS distinct_times FROM gps_positions WHERE device_id = $1',
    [deviceId],
  );
  return rows[0]!;
};

describe('Redis restarted under GPS load', () => {
  it('stores every accepted fix exactly once; batches refused meanwhile are sent again', async () => {
    const device = rig.devices.flood.device;
    const base = Date.now() - 120_000;
    let next = 0;
    const waiting: unknown[][] = [];
    let accepted = 0;
    const refusals = new Map<number, number>();
    let sending = true;
    // A device that keeps what the server did not take and sends it again, as the OsmAnd and fleet apps do.
    const sender = (async () => {
      while (sending || waiting.length > 0) {
        const fixes =
          waiting.shift() ??
          Array.from({ length: FIXES_PER_BATCH }, () => {
            const i = next++;
            return { lat: 13.7 + i * 1e-5, lon: 101.07, timestamp: new Date(base + i * 100).toISOString() };
          });
        const reply = await rig.batch([{ name: 'flood', fixes }]);
        if (reply.statusCode === 200) accepted += fixes.length;
        else {
          refusals.set(reply.statusCode, (refusals.get(reply.statusCode) ?? 0) + 1);
          if (reply.statusCode === 503) expect(reply.json().messageTh).toMatch(/Redis/);
          waiting.unshift(fixes);
        }
        await new Promise((r) => setTimeout(r, SEND_EVERY_MS));
      }
    })();
    try {
      await until(
        async () => (await stored(device.id)).fixes >= 10 || undefined,
        'fixes stored before the restart',
      );
      await redis.kill();
      const downAt = performance.now();
      await new Promise((r) => setTimeout(r, 1_500));
      await redis.start();
      const upAt = performance.now();
      const acceptedBefore = accepted;
      await until(
        async () =>
          (refusals.size > 0 && waiting.length === 0 && accepted >= acceptedBefore + 20) || undefined,
        'the refused batches sent again, and more after them',
        20_000,
      );
      sending = false;
      await sender;
      await until(
        async () => (await stored(device.id)).fixes >= accepted || undefined,
        'every accepted fix stored',
        20_000,
      );
      const caughtUpMs = performance.now() - upAt;
      const final = await stored(device.id);
      console.log(
        `gps: Redis down ${((upAt - downAt) / 1000).toFixed(1)} s under load; ${accepted} fixes accepted, ` +
          `${final.fixes} stored (${final.distinct_times} distinct), refused meanwhile ${JSON.stringify(Object.fromEntries(refusals))}; ` +
          `all stored ${caughtUpMs.toFixed(0)} ms after Redis was back`,
      );
      expect([...refusals.keys()]).toEqual([503]);
      expect(final).toEqual({ fixes: accepted, distinct_times: accepted });
      expect(accepted).toBe(next);
      expect(rig.workerErrors.filter((e) => !/redis|connection|ECONNREFUSED|max retries/i.test(e))).toEqual(
        [],
      );
    } finally {
      sending = false;
      waiting.length = 0;
      await sender;
    }
  }, 90_000);
});
