// One step of the scale benchmark: N cameras on W fresh worker processes behind S running servers; after a warm-up,
// frame → socket latency, frame rates, rows written, store load and process CPU over the measured window.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { cameraJobId } from '@toc/server/schemas';
import type { Queryable } from '@toc/server/db/pool';
import { percentile, sleep } from './bench-media';
import type { ScaleCameras } from './scale-cameras';
import type { ScaleClients } from './scale-clients';
import { sampleLoad, storeLoad, type StoreLoad } from './scale-load';
import type { ScaleProcess } from './scale-processes';
import { frameRates, ScaleWorkers } from './scale-workers';

export interface StepSetup {
  db: Queryable;
  redis: Redis;
  /** The camera job queue the workers take cameras from. */
  queue: Queue;
  cameras: ScaleCameras;
  servers: readonly ScaleProcess[];
  clients: ScaleClients;
  workerCount: number;
  workerEnv: NodeJS.ProcessEnv;
  detectFps: number;
  warmupS: number;
  seconds: number;
  /** Sustained: every camera running, at least this share of the detect rate processed, p95 under the limit. */
  fpsShare: number;
  p95LimitMs: number;
}

export interface StepResult extends StoreLoad {
  cameras: number;
  servers: number;
  workers: number;
  running: number;
  fpsPerCamera: number;
  /** Frames the cameras produced that were not processed: replaced by a newer one while writes were pending… */
  skippedPct: number;
  /** …or never taken, the process being too busy when they were due. */
  latePct: number;
  /** Share of processed frames the motion gate sent to the detector (replayed here, real inference on a camera). */
  detectPct: number;
  frameErrors: number;
  p50Ms: number;
  p95Ms: number;
  samples: number;
  objectsPerSPerClient: number;
  socketEventsPerSPerClient: number;
  serverCpuPct: number;
  workerCpuPct: number;
  sustained: boolean;
}

/**
 * The jobs of cameras just disabled, waiting in the queue since the last step's workers handed them back. A worker's
 * reconcile would remove them too, but one that takes such a job first completes it and then reconciles every camera
 * once per job: a burst of work that belongs to stepping the benchmark down, not to running cameras.
 */
async function dropJobs(queue: Queue, cameraIds: readonly number[]): Promise<void> {
  for (const id of cameraIds) {
    const job = await queue.getJob(cameraJobId(id));
    if (!job) continue;
    // A job still locked by a worker that had to be killed can go once its lock expires (CAMERA_LOCK_S).
    const removed = () =>
      job.remove().then(
        () => true,
        () => false,
      );
    for (const until = Date.now() + 30_000; !(await removed()) && Date.now() < until;) await sleep(1000);
  }
}

/** Runs one step; the returned workers are still running (stop them before the next step). */
export async function runStep(
  setup: StepSetup,
  cameras: number,
): Promise<{ result: StepResult; workers: ScaleWorkers }> {
  await dropJobs(setup.queue, await setup.cameras.enable(cameras));
  const workers = ScaleWorkers.start(setup.workerCount, cameras, setup.workerEnv);
  const allRunning = await workers.waitRunning(cameras, 120_000);
  await sleep(setup.warmupS * 1000);

  const cpu = () => ({
    servers: setup.servers.reduce((sum, p) => sum + p.cpuSeconds(), 0),
    workers: workers.cpuSeconds(),
  });
  const counters = workers.snapshot();
  const load = await sampleLoad(setup.db, setup.redis);
  const cpuBefore = cpu();
  const started = performance.now();
  setup.clients.take();
  await sleep(setup.seconds * 1000);
  const window = setup.clients.take();
  const elapsedS = (performance.now() - started) / 1000;
  const cpuAfter = cpu();
  const stores = storeLoad(load, await sampleLoad(setup.db, setup.redis));
  const rates = frameRates(counters, workers.snapshot());

  const fpsPerCamera = rates.processedPerS / cameras;
  const produced = rates.framesInPerS + rates.latePerS;
  const p95Ms = percentile(window.latencies, 95);
  const result: StepResult = {
    ...stores,
    cameras,
    servers: setup.servers.length,
    workers: setup.workerCount,
    running: rates.running,
    fpsPerCamera,
    skippedPct: produced > 0 ? (100 * rates.skippedPerS) / produced : 0,
    latePct: produced > 0 ? (100 * rates.latePerS) / produced : 0,
    detectPct: rates.processedPerS > 0 ? (100 * rates.detectedPerS) / rates.processedPerS : 0,
    frameErrors: rates.errors,
    p50Ms: percentile(window.latencies, 50),
    p95Ms,
    samples: window.latencies.length,
    objectsPerSPerClient: window.objects / elapsedS / setup.clients.count,
    socketEventsPerSPerClient: window.events / elapsedS / setup.clients.count,
    serverCpuPct: (100 * (cpuAfter.servers - cpuBefore.servers)) / elapsedS,
    workerCpuPct: (100 * (cpuAfter.workers - cpuBefore.workers)) / elapsedS,
    sustained:
      allRunning &&
      rates.running >= cameras &&
      fpsPerCamera >= setup.fpsShare * setup.detectFps &&
      window.latencies.length > 0 &&
      p95Ms < setup.p95LimitMs,
  };
  return { result, workers };
}
