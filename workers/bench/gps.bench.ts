// `npm run bench:gps`: sustained GPS fixes/s through the real server (JSON batch ingest), Redis stream, GPS worker
// (filters, COPY into PostGIS, transit engine, Redis latest) and socket.io to control-room clients; the raw COPY rate into
// the same table as the limit; fix → client latency; and the transit engine's arrival-time accuracy on a replayed day.
// The buses are bound to the Chachoengsao demo network's routes and blocks and drive trips running now (simulated
// journeys), so the engine's trip matching, progress and predictions are in the measured path.
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { hashPassword } from '@toc/server/services/passwords';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { GPS_GROUP } from '../src/gps/fix-stream';
import { PartitionManager } from '../src/gps/partition-manager';
import { bangkokDay } from '../src/gps/partitions';
import { copyLines, copyPositions, type PositionRow } from '../src/gps/position-copy';
import { loadSimFeed } from '../src/gps-sim/sim-feed.loader';
import { evaluateEta, etaLine } from '../src/transit/eta-evaluation';
import { ensureEvalFeeds } from '../src/transit/eval-feeds';
import { percentile } from './bench-media';
import { watchBuses } from './gps-clients';
import { planBenchBuses } from './gps-journeys';
import { driveLoad, registerFleet } from './gps-load';
import { freePort, startProcess, waitForReady, type BenchProcess } from './gps-processes';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
// 2,000 buses feeding ≥ 20k fixes/s means ~10 fixes/s per bus, where a real one reports every 1–5 s: this is a load test
// of the pipeline's capacity (20k fixes/s is what 20,000–100,000 real buses would send), not a replay of a real fleet.
const DEVICES = env('BENCH_GPS_DEVICES', 2000);
const SECONDS = env('BENCH_GPS_SECONDS', 20);
const CLIENTS = env('BENCH_GPS_CLIENTS', 10);
const CONCURRENCY = env('BENCH_GPS_CONCURRENCY', 4);
const DEVICES_PER_REQUEST = env('BENCH_GPS_DEVICES_PER_REQUEST', 200);
const FIXES_PER_DEVICE = env('BENCH_GPS_FIXES_PER_DEVICE', 5);
const MAX_BACKLOG = env('BENCH_GPS_MAX_BACKLOG', 4);
const COPY_ROWS = env('BENCH_GPS_COPY_ROWS', 300_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const schema = await createTestSchema();
const db = createPool(schema.databaseUrl, 4);
const redis = new Redis(requireEnv('REDIS_URL'));
const prefix = schema.schema;
const port = await freePort();
const shared = { DATABASE_URL: schema.databaseUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' };
let server: BenchProcess | null = null;
let worker: BenchProcess | null = null;
try {
  await applyMigrations(db);
  // The demo network (and Caltrain, for the ETA evaluation) in the bench database before the worker loads its model;
  // the fleet is bound and registered first too, so the engine knows every bus's route and block from the first fix.
  const feeds = await ensureEvalFeeds(db, (line) => console.log(line));
  const demo = await loadSimFeed(db, 'chachoengsao');
  if (!demo) throw new Error('the chachoengsao demo feed did not import');
  const planMs = Date.now();
  // Journeys cover the startup (up to a minute), the load and a margin.
  const buses = planBenchBuses(demo, DEVICES, planMs, (SECONDS + 240) * 1000);
  const runs = new Set(buses.map((b) => b.tripId));
  console.log(
    `registering ${DEVICES} vehicles with devices, bound to ${runs.size} trips running now on ${new Set(buses.map((b) => b.routeId)).size} routes of the demo network…`,
  );
  const fleet = await registerFleet(db, buses, planMs);
  server = startProcess('server', 'server/src/main.ts', {
    ...shared,
    PORT: String(port),
    HOST: '127.0.0.1',
    WEB_DIST_DIR: '/nonexistent',
    // The bench's devices send 5 fixes every 0.5 s or so: far above what a bus does, so lift the per-device limits.
    GPS_BATCH_PER_S: '10000',
    GPS_BATCH_BURST: '100000',
  });
  worker = startProcess('worker', 'workers/src/gps/main.ts', { ...shared, GPS_CONSUMER: 'bench' });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(`${baseUrl}/readyz`, 60);
  await upsertUser(db, {
    username: 'bench',
    displayName: 'Bench',
    role: 'operator',
    passwordHash: await hashPassword('bench-pw'),
  });
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-pw' }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const watchers = await watchBuses(baseUrl, token, CLIENTS);
  await sleep(2000); // the worker's first device load and engine start

  const stream = busKeys(prefix).fixes;
  const cpuBefore = { server: server.cpuSeconds(), worker: worker.cpuSeconds() };
  watchers.measuring = true;
  // Each device's first batch starts a second before the load, not back at planning time (before the startup).
  for (const device of fleet) device.lastT = Date.now() - 1000;
  console.log(
    `pushing JSON batches (${DEVICES_PER_REQUEST} devices × ${FIXES_PER_DEVICE} fixes, ${CONCURRENCY} senders) for ${SECONDS} s to ${CLIENTS} watching clients…`,
  );
  const load = await driveLoad({
    url: `${baseUrl}/api/gps/batch`,
    fleet,
    seconds: SECONDS,
    concurrency: CONCURRENCY,
    devicesPerRequest: DEVICES_PER_REQUEST,
    fixesPerDevice: FIXES_PER_DEVICE,
    backlog: async () => {
      // Entries not yet read by the worker (those it holds are pending until stored and acknowledged).
      const [[, length], [, pending]] = (await redis
        .multi()
        .xlen(stream)
        .xpending(stream, GPS_GROUP)
        .exec()) as [[null, number], [null, [number]]];
      return length - Number(pending[0]);
    },
    maxBacklog: MAX_BACKLOG,
  });

  // Drained when the stream is empty and the row count stops moving; the time of the last change ends the run.
  let rows = -1;
  let drainedMs = Date.now();
  for (let quiet = 0; quiet < 10;) {
    await sleep(100);
    const count = Number(
      (await db.query<{ n: string }>('SELECT count(*) AS n FROM gps_positions')).rows[0]!.n,
    );
    if (count !== rows || (await redis.xlen(stream)) > 0) {
      if (count !== rows) drainedMs = Date.now();
      rows = count;
      quiet = 0;
    } else quiet++;
  }
  await sleep(600); // the last coalesced deltas
  watchers.measuring = false;
  const cpu = {
    server: server.cpuSeconds() - cpuBefore.server,
    worker: worker.cpuSeconds() - cpuBefore.worker,
  };
  const elapsedS = (drainedMs - load.startedMs) / 1000;
  const fixesPerS = rows / elapsedS;
  const rejected = (
    await db.query<{ n: string }>(
      'SELECT coalesce(sum(value::bigint), 0) AS n FROM gps_devices, jsonb_each_text(rejected)',
    )
  ).rows[0]!.n;
  const fannedPerS = watchers.received.reduce((a, b) => a + b, 0) / CLIENTS / elapsedS;
  const p50 = percentile(watchers.latencies, 50);
  const p95 = percentile(watchers.latencies, 95);
  const stateCounts = Object.entries(watchers.states).sort((a, b) => b[1] - a[1]);
  const statesSeen = stateCounts.reduce((sum, [, n]) => sum + n, 0);
  const matchedPct = statesSeen > 0 ? (100 * (watchers.states.in_service ?? 0)) / statesSeen : 0;
  watchers.close();
  console.log(
    `accepted ${load.accepted} fixes in ${load.requests} requests (${load.refused} refused), ${rejected} filtered out; ${rows} rows in gps_positions`,
  );
  console.log(
    `sustained ${fixesPerS.toFixed(0)} fixes/s accepted, filtered, stored and published (${elapsedS.toFixed(1)} s until drained)`,
  );
  console.log(
    `each of ${CLIENTS} clients got ${fannedPerS.toFixed(0)} bus updates/s (latest per bus, coalesced every 250 ms); fix → client p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
  );
  console.log(
    `bus states seen by a client: ${stateCounts.map(([state, n]) => `${state} ${((100 * n) / statesSeen).toFixed(1)} %`).join(', ')} (in service = matched to a trip)`,
  );
  console.log(
    `CPU during the run: server ${(cpu.server / elapsedS).toFixed(2)} cores, GPS worker ${(cpu.worker / elapsedS).toFixed(2)} cores`,
  );

  const copyRate = await rawCopyRate(db, COPY_ROWS);
  console.log(
    `raw COPY into gps_positions (same table, same run, batches of 2000 on one connection): ${copyRate.toFixed(0)} rows/s`,
  );

  // ETA accuracy: the transit engine's evaluation on a replayed day (BENCH_GPS_ETA=0 skips it).
  if (process.env.BENCH_GPS_ETA !== '0') {
    try {
      console.log(etaLine(await evaluateEta(db, { feeds })));
    } catch (error) {
      console.log(`ETA accuracy: not available (${(error as Error).message})`);
    }
  }

  console.log(
    `BENCH gps fixes_per_s=${fixesPerS.toFixed(0)} copy_ratio=${(fixesPerS / copyRate).toFixed(2)} latency_p95_ms=${p95.toFixed(0)} ` +
      `latency_p50_ms=${p50.toFixed(0)} copy_rows_per_s=${copyRate.toFixed(0)} devices=${DEVICES} clients=${CLIENTS} ` +
      `matched_pct=${matchedPct.toFixed(1)} trips=${runs.size}`,
  );
} finally {
  await Promise.allSettled([worker?.stop(), server?.stop()]);
  await redis.quit();
  await db.end();
  await schema.drop();
}
process.exit(0);

/** COPY alone, of rows encoded beforehand as the worker encodes them: the ceiling for the whole pipeline. */
async function rawCopyRate(pool: Pool, total: number): Promise<number> {
  const { rows: ids } = await pool.query<{ id: number; vehicle_id: number }>(
    'SELECT id, vehicle_id FROM gps_devices ORDER BY id',
  );
  const now = Date.now();
  await new PartitionManager(pool).ensure([bangkokDay(now - 3600_000), bangkokDay(now)]);
  const batches: string[] = [];
  for (let made = 0; made < total;) {
    const batch: PositionRow[] = [];
    for (let i = 0; i < 2000 && made < total; i++, made++) {
      const device = ids[made % ids.length]!;
      const t = new Date(now - 3600_000 + (made % 3_600_000)).toISOString();
      batch.push({
        deviceId: device.id,
        vehicleId: device.vehicle_id,
        fixTime: t,
        receivedAt: t,
        lon: 101.07 + (made % 997) * 1e-5,
        lat: 13.69 + (made % 991) * 1e-5,
        speedKmh: 36,
        bearingDeg: 90,
        altitudeM: null,
        accuracyM: 5,
        current: false,
      });
    }
    batches.push(copyLines(batch));
  }
  const started = performance.now();
  for (const batch of batches) await copyPositions(pool, batch);
  return total / ((performance.now() - started) / 1000);
}
