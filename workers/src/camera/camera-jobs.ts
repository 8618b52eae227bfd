// Cameras as BullMQ jobs: one long-running job per enabled camera, held by the worker that runs it.
// A worker that dies stops renewing its job locks; another worker's stalled check puts the jobs back
// in the queue and a worker with free capacity takes them over. A worker whose job is gone from under it (Redis
// restarted empty, or the job taken over) stops that camera, so a camera runs once however its job came back.
// How many it takes follows its measured speed (worker-capacity.ts): a camera past that is handed back for another.
import { DelayedError, Queue, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Queryable } from '@toc/server/db/pool';
import type { SecretKeyring } from '@toc/server/secrets/secret-box';
import {
  findStreamCamera,
  listStreamCameras,
  type StreamCamera,
} from '@toc/server/services/camera-streams.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { QUEUES, cameraJobId, type CameraJob } from '@toc/server/schemas';
import type { WorkerConfig } from '../config';
import { duplicateConnection } from '@toc/server/lib/redis-duplicate';
import { liveWorkerIds } from './live-workers';
import type { RunningCamera } from './running-camera';
import { workerCapacity, type CameraLoad, type WorkerCapacity } from './worker-capacity';

export interface CameraJobHostContext {
  config: WorkerConfig;
  db: Queryable;
  redis: Redis;
  /** CAMERA_SECRET_KEY (and CAMERA_SECRET_KEY_PREVIOUS during a rotation), parsed: opens the cameras' sealed credentials. */
  keys: SecretKeyring;
  startCamera: (camera: StreamCamera) => RunningCamera;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}

/** The fields that need a restart of the stream when they change (new credentials too). Kept in memory only. */
const runtimeKey = (c: StreamCamera) =>
  JSON.stringify([
    c.streamUrl,
    c.credentialsError,
    c.modelId,
    c.detectFps,
    c.tiling,
    c.location.lon,
    c.location.lat,
  ]);

/** How long a camera job that came back while its lost run was still here waits before it runs. */
const SAME_JOB_AGAIN_MS = 1000;
/** How long a camera job this worker has no room for waits before a worker (maybe another) takes it again. */
const NO_ROOM_WAIT_MS = 2000;
/**
 * How long the slot that handed a job back stays busy: free, it would be first to fetch the job again as it comes
 * due, ahead of a worker with room (measured: such a worker waited over 20 s for it in 1 run of 6).
 */
const NO_ROOM_HOLD_MS = NO_ROOM_WAIT_MS + 1000;
const STARTING: CameraLoad = { detectFps: 0, inferenceMsPerFrame: null, shortOfFrames: false, silent: false };

/** Why a camera stops here: changed, the worker stopping, or its job lost (gone from Redis or held elsewhere). */
type Outcome = 'reconfigured' | 'closing' | 'lost';

interface ActiveCamera {
  camera: StreamCamera;
  running: RunningCamera;
  finish: (outcome: Outcome) => void;
  /** Resolves once the camera has stopped here. */
  stopped: Promise<void>;
}

export class CameraJobHost {
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private subscriber: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;
  private capacityTimer: NodeJS.Timeout | null = null;
  private readonly active = new Map<number, ActiveCamera>();
  /** Camera jobs being run here, the ones still starting included. */
  private taken = 0;
  private capacity: WorkerCapacity;
  private syncing: Promise<void> = Promise.resolve();
  private closing = false;
  private markStopping = () => undefined as void;
  private readonly stopping = new Promise<void>((resolve) => (this.markStopping = resolve));

  constructor(private readonly ctx: CameraJobHostContext) {
    this.capacity = this.measureCapacity();
    this.queue = new Queue(QUEUES.cameras, {
      connection: this.connection(),
      prefix: this.ctx.config.queuePrefix,
    });
  }

  private connection() {
    // BullMQ needs commands to wait for a reconnect rather than fail: maxRetriesPerRequest null.
    return { url: this.ctx.config.redisUrl, maxRetriesPerRequest: null };
  }

  get cameraIds(): number[] {
    return [...this.active.keys()];
  }

  async start(): Promise<void> {
    const lockMs = this.ctx.config.cameraLockS * 1000;
    this.worker = new Worker<CameraJob, string>(QUEUES.cameras, (job, token) => this.process(job, token), {
      connection: this.connection(),
      prefix: this.ctx.config.queuePrefix,
      name: this.ctx.config.workerId,
      concurrency: this.concurrency(),
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, lockMs / 2),
      // A camera job is meant to run forever: being taken over is normal, never a reason to fail it.
      maxStalledCount: Number.MAX_SAFE_INTEGER,
    });
    this.worker.on('error', (error) => this.ctx.log('warn', 'camera queue error', { error: error.message }));
    this.worker.on('lockRenewalFailed', (jobIds) => {
      for (const active of this.active.values()) {
        if (!jobIds.includes(cameraJobId(active.camera.id))) continue;
        this.ctx.log('warn', 'camera job lost: stopping the camera here', { cameraId: active.camera.id });
        active.finish('lost');
      }
    });
    // A finished job (camera reconfigured) is re-added at once if the camera should still run.
    this.worker.on('completed', () => void this.sync());
    this.worker.on('failed', () => void this.sync());

    this.subscriber = duplicateConnection(this.ctx.redis);
    await this.subscriber.subscribe(channelNames(this.ctx.config.queuePrefix).cameraConfig);
    this.subscriber.on('message', () => void this.sync());
    // A periodic pass also catches changes made while Redis was unreachable.
    this.timer = setInterval(() => void this.sync(), this.ctx.config.reconcileIntervalS * 1000);
    this.capacityTimer = setInterval(() => this.updateCapacity(), this.ctx.config.healthIntervalS * 1000);
    await this.sync();
  }

  /** Makes the queue match the cameras table, and stops or reloads cameras running here that changed. */
  sync(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.syncOnce())
      .catch((error: Error) => this.ctx.log('error', 'camera sync failed', { error: error.message }));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    if (this.closing) return;
    const cameras = await listStreamCameras(this.ctx.db, this.ctx.keys);
    const byId = new Map(cameras.map((c) => [c.id, c]));
    for (const camera of cameras) {
      // A stop waits for the sync under way: it ends at the next camera rather than going through hundreds of them
      // (measured: a worker running 300 cameras on a busy database was still syncing 30 s after SIGTERM).
      if (this.closing) return;
      const jobId = cameraJobId(camera.id);
      if (camera.enabled) {
        // Adding with the same id while the job exists (waiting or active) is a no-op.
        await this.queue.add(
          'camera',
          { cameraId: camera.id },
          { jobId, removeOnComplete: true, removeOnFail: true },
        );
      } else {
        const job = await this.queue.getJob(jobId);
        if (job && (await job.isWaiting())) await job.remove().catch(() => undefined);
      }
    }
    for (const [id, active] of this.active) {
      if (this.closing) return;
      const camera = byId.get(id);
      if (!camera || !camera.enabled || runtimeKey(camera) !== runtimeKey(active.camera))
        active.finish('reconfigured');
      else await active.running.reloadScene();
    }
  }

  private measureCapacity(): WorkerCapacity {
    const { cameraCapacity, cameraStart, inferenceShare } = this.ctx.config;
    const loads = [...this.active.values()].map((active) => active.running.load());
    // Jobs taken but not started yet are cameras too, not measured.
    for (let i = loads.length; i < this.taken; i++) loads.push(STARTING);
    return workerCapacity(loads, { ceiling: cameraCapacity, startCameras: cameraStart, inferenceShare });
  }

  /**
   * One slot more than the cameras it may run: BullMQ fetches a job only into a free slot, and waits for a job to end
   * (a camera job runs for good) once none is free, so a raised capacity would not be taken up. The spare slot's
   * job is handed back while there is no room.
   */
  private concurrency(): number {
    return this.capacity.cameras + 1;
  }

  private updateCapacity(): void {
    const previous = this.capacity;
    this.capacity = this.measureCapacity();
    if (this.capacity.cameras !== previous.cameras || this.capacity.reason !== previous.reason)
      this.ctx.log('info', 'camera capacity', { running: this.active.size, ...this.capacity });
    if (this.worker && !this.closing) this.worker.concurrency = this.concurrency();
  }

  private async process(job: Job<CameraJob, string>, token: string | undefined): Promise<string> {
    // A fetch under way when the worker was told to stop brings a camera it is handing back: back it goes.
    if (this.closing) {
      await job.moveToWait(token);
      throw new WaitingError();
    }
    // Its own camera coming back (below) is let in whatever the room: the run it replaces is counted already.
    if (this.taken >= this.capacity.cameras && !this.active.has(job.data.cameraId)) {
      await job.moveToDelayed(Date.now() + NO_ROOM_WAIT_MS, token);
      await this.pause(NO_ROOM_HOLD_MS);
      throw new DelayedError();
    }
    this.taken++;
    try {
      return await this.runJob(job, token);
    } finally {
      this.taken--;
    }
  }

  private async runJob(job: Job<CameraJob, string>, token: string | undefined): Promise<string> {
    const camera = await findStreamCamera(this.ctx.db, job.data.cameraId, this.ctx.keys);
    if (!camera || !camera.enabled) return 'not enabled';
    // The job is back while this process still runs the camera under the job it lost (Redis restarted empty and
    // the reconciler added it again): the old run stops, and the job comes back a moment later, once BullMQ is done
    // with the old one of the same id (two jobs of one id in one worker confuse its lock keeping).
    const previous = this.active.get(camera.id);
    if (previous) {
      previous.finish('lost');
      await previous.stopped;
      await job.moveToDelayed(Date.now() + SAME_JOB_AGAIN_MS, token);
      throw new DelayedError();
    }
    const running = this.ctx.startCamera(camera);
    this.ctx.log('info', 'camera started', { cameraId: camera.id, name: camera.name });
    let stoppedHere = () => undefined as void;
    const stopped = new Promise<void>((resolve) => (stoppedHere = resolve));
    const outcome = await new Promise<Outcome>((finish) => {
      this.active.set(camera.id, { camera, running, finish, stopped });
      if (this.closing) finish('closing'); // started while the worker was told to stop
    });
    if (this.active.get(camera.id)?.running === running) this.active.delete(camera.id);
    await running.stop();
    stoppedHere();
    this.ctx.log('info', 'camera stopped', { cameraId: camera.id, outcome });
    if (outcome === 'closing') {
      // Hand the camera back at once rather than letting it wait for the lock to expire.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    return outcome;
  }

  /** Cameras whose job waits in the queue now (waiting, or handed back for a while): run by no worker. */
  async waitingCameraIds(): Promise<Set<number>> {
    const jobs: (Job<CameraJob> | undefined)[] = await this.queue.getJobs([
      'waiting',
      'delayed',
      'prioritized',
    ]);
    return new Set(jobs.flatMap((job) => (job ? [job.data.cameraId] : [])));
  }

  /** The ids of the camera workers connected to the queue now, this one included once started. */
  liveWorkerIds(): Promise<Set<string>> {
    return liveWorkerIds(this.queue);
  }

  /** Waits `ms`, or less if the worker is told to stop. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void this.stopping.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    this.closing = true;
    this.markStopping();
    if (this.timer) clearInterval(this.timer);
    if (this.capacityTimer) clearInterval(this.capacityTimer);
    await this.subscriber?.quit().catch(() => undefined);
    await this.syncing;
    // BullMQ stops taking jobs first: a camera handed back below is not taken again by this worker's free slot.
    const closed = this.worker?.close();
    for (const active of this.active.values()) active.finish('closing');
    await closed;
    await this.queue.close();
  }
}
