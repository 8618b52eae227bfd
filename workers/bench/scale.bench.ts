// `npm run bench:scale`: how many cameras the event path sustains at 5 detect-fps with frame → socket p95 under 1 s,
// on 1 server + 1 worker process and on 2 + 2. Simulated cameras replay detections the real detector made once on the
// real clips; everything after the detector is the real worker, servers, PostGIS, Redis and socket.io clients.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { PEDESTRIAN_SCENE, STREET_SCENE } from '@toc/server/db/demo-scenes';
import { PEDESTRIANS, STREET } from './bench-media';
import { freePort, waitForReady } from './gps-processes';
import { ScaleClients } from './scale-clients';
import { startScaleProcess, type ScaleProcess } from './scale-processes';
import { ensureRecordings, loadReplayClip } from './scale-recording';
import { capacities, TABLE_LEGEND, tableHeader, tableRow } from './scale-report';
import { runStep, type StepResult, type StepSetup } from './scale-step';
import { openScaleStores, VIEWER } from './scale-stores';
import type { ScaleWorkers } from './scale-workers';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
const STEPS = list('BENCH_SCALE_STEPS', '25,50,100,200,400,800');
/** Servers and workers per configuration (as many of each). */
const PROCESS_COUNTS = list('BENCH_SCALE_PROCESSES', '1,2');
/** Two vehicle-count intervals (VEHICLE_INTERVAL_S, 10 s): every camera writes the same number of counts in a window. */
const SECONDS = env('BENCH_SCALE_SECONDS', 20);
const WARMUP_S = env('BENCH_SCALE_WARMUP_SECONDS', 10);
/** Steps tried halfway between the last sustained and the first failed step. */
const REFINE = env('BENCH_SCALE_REFINE', 1);
const DETECT_FPS = 5;

const startedMs = Date.now();
console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start (shared with other work: figures are noisy)`,
);
const [streetJson, pedestriansJson] = await ensureRecordings(
  [
    { file: STREET.file, scene: STREET_SCENE },
    { file: PEDESTRIANS.file, scene: PEDESTRIAN_SCENE },
  ],
  DETECT_FPS,
  (line) => console.log(line),
);
for (const file of [streetJson!, pedestriansJson!]) {
  const clip = await loadReplayClip(file);
  const found = clip.frames.reduce((sum, f) => sum + f.detections.length, 0);
  const ms = clip.frames.reduce((sum, f) => sum + f.inferenceMs, 0) / clip.frames.length;
  console.log(
    `replaying ${clip.clip}: ${clip.frames.length} frames at ${clip.fps} fps, ${(found / clip.frames.length).toFixed(1)} detections a frame (${clip.model}, ${ms.toFixed(0)} ms an inference when recorded)`,
  );
}

const replay = JSON.stringify({ street: streetJson, pedestrians: pedestriansJson });

interface ConfigurationRun {
  rows: StepResult[];
  /** Rows in events by type, over the whole configuration. */
  eventsByType: string;
}

/**
 * On a fresh schema: starts `count` servers, connects a client to each, and steps the cameras up on `count` workers
 * until a step fails, then tries halfway between the last step held and the one that failed.
 */
async function runConfiguration(count: number): Promise<ConfigurationRun> {
  const stores = await openScaleStores();
  const servers: ScaleProcess[] = [];
  let clients: ScaleClients | null = null;
  let workers: ScaleWorkers | null = null;
  const rows: StepResult[] = [];
  try {
    const urls: string[] = [];
    for (let i = 1; i <= count; i++) {
      const port = await freePort();
      const env = { ...stores.env, PORT: String(port), HOST: '127.0.0.1', WEB_DIST_DIR: '/nonexistent' };
      servers.push(startScaleProcess(`server-${i}`, 'server/src/main.ts', env));
      urls.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(urls.map((url) => waitForReady(`${url}/readyz`, 120)));
    clients = await ScaleClients.connect(urls, VIEWER);
    const setup: StepSetup = {
      db: stores.db,
      redis: stores.redis,
      queue: stores.queue,
      cameras: stores.cameras,
      servers,
      clients,
      workerCount: count,
      workerEnv: { ...stores.env, SCALE_REPLAY: replay },
      detectFps: DETECT_FPS,
      warmupS: WARMUP_S,
      seconds: SECONDS,
      fpsShare: 0.95,
      p95LimitMs: 1000,
    };
    const measure = async (n: number) => {
      await workers?.stop();
      workers = null;
      const step = await runStep(setup, n);
      workers = step.workers;
      rows.push(step.result);
      console.log(tableRow(step.result));
      return step.result.sustained;
    };
    let held = 0;
    let failed: number | null = null;
    for (const n of STEPS) {
      if (await measure(n)) held = n;
      else {
        failed = n;
        break;
      }
    }
    for (let i = 0; i < REFINE && failed !== null; i++) {
      const middle = Math.round((held + failed) / 2);
      if (middle === held || middle === failed) break;
      if (await measure(middle)) held = middle;
      else failed = middle;
    }
    // By kind too (a stopped vehicle, a collision, a person on the road): which rule an overloaded step fools.
    const { rows: byType } = await stores.db.query<{ type: string; n: string }>(
      `SELECT concat_ws(' ', type, payload->>'kind') AS type, count(*) AS n FROM events
       GROUP BY 1 ORDER BY count(*) DESC`,
    );
    return { rows, eventsByType: byType.map((r) => `${r.type} ${r.n}`).join(', ') || 'none' };
  } finally {
    await (workers as ScaleWorkers | null)?.stop();
    clients?.close();
    await Promise.all(servers.map((server) => server.stop()));
    await stores.close();
  }
}

let exitCode = 0;
try {
  console.log(
    `stepping cameras ${STEPS.join(', ')} (then at most ${REFINE} halfway step(s)) on ${PROCESS_COUNTS.map((n) => `${n} server(s) + ${n} worker(s)`).join(', then ')} (a fresh schema each); ${WARMUP_S} s warm-up, ${SECONDS} s measured each`,
  );
  console.log(tableHeader());
  const results: StepResult[] = [];
  const eventsByType: string[] = [];
  for (const count of PROCESS_COUNTS) {
    const run = await runConfiguration(count);
    results.push(...run.rows);
    eventsByType.push(`${count} + ${count}: ${run.eventsByType}`);
  }
  console.log(TABLE_LEGEND);

  const held = capacities(results);
  for (const [count, best] of held) {
    console.log(
      `${count} server(s) + ${count} worker(s): ${best ? `${best.cameras} cameras sustained (p95 ${best.p95Ms.toFixed(0)} ms, ${best.fpsPerCamera.toFixed(2)} fps a camera)` : 'no step sustained'}`,
    );
  }
  const one = held.get(1);
  const two = held.get(2);
  if (one && two)
    console.log(`growth from 1 to 2 servers and workers: ×${(two.cameras / one.cameras).toFixed(2)}`);
  // The configuration that held the most cameras; on a tie the one with more processes (the scaled-out one).
  const best = [...held.values()]
    .filter((r): r is StepResult => r !== null)
    .sort((a, b) => b.cameras - a.cameras || b.workers - a.workers)[0];
  if (best) {
    const per = (value: number) => (value / best.cameras).toFixed(3);
    console.log(
      `per camera at that step: ${per(best.eventsPerS)} events/s, ${per(best.eventWritesPerS)} event writes/s, ` +
        `${per(best.seriesRowsPerS)} series rows/s, ${per(best.pgCommitsPerS)} PostgreSQL commits/s, ${per(best.redisOpsPerS)} Redis commands/s; ` +
        `CPU ${per(best.workerCpuPct)} % of a core in workers, ${per(best.serverCpuPct)} % in servers, ${per(best.pgCpuPct)} % in PostgreSQL; ` +
        `the gate sent ${best.detectPct.toFixed(0)} % of frames to the detector`,
    );
  }
  // Played without drops the street clip raises no alarm; the road alarms come from overloaded steps, where frames are
  // dropped and tracks jump (as on an overloaded worker). Crowd alerts are the pedestrian scene's own.
  console.log(
    `events written, by type (road alarms come from steps that dropped frames): ${eventsByType.join('; ')}`,
  );
  console.log(
    `decode and inference replaced by recorded detections (YOLOX-nano on ${path.basename(STREET.file)} and ${path.basename(PEDESTRIANS.file)}); ` +
      'motion gate, tracking, rules, events, health, Redis, PostGIS and sockets real',
  );
  console.log(`took ${((Date.now() - startedMs) / 60_000).toFixed(1)} min`);
  const shown = best ?? results[0];
  console.log(
    `BENCH scale cameras=${best?.cameras ?? 0} servers=${shown?.servers ?? 0} workers=${shown?.workers ?? 0} ` +
      `p95_ms=${shown?.p95Ms.toFixed(0) ?? 0} events_per_s=${shown?.eventsPerS.toFixed(1) ?? 0}`,
  );
} catch (error) {
  console.error(error);
  exitCode = 1;
}
process.exit(exitCode);
