// Keeps one runner per enabled camera, reconciling with the database when cameras change (no restarts needed).
import type { Redis } from 'ioredis';
import type { Queryable } from '@toc/server/db/pool';
import { listCameras } from '@toc/server/repositories/cameras.repository';
import { CAMERA_CONFIG_CHANNEL } from '@toc/server/realtime/channels';
import type { Camera } from '@toc/server/schemas';
import { CameraRunner, type CameraRunnerContext } from './camera-runner';

/** The fields that need a restart of the stream when they change. */
const runtimeKey = (c: Camera) =>
  JSON.stringify([c.rtspUrl, c.modelId, c.detectFps, c.location.lon, c.location.lat, c.enabled]);

export class CameraSupervisor {
  private readonly runners = new Map<number, { runner: CameraRunner; key: string }>();
  private reconciling: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private subscriber: Redis | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly ctx: CameraRunnerContext,
  ) {}

  async start(redis: Redis): Promise<void> {
    await this.reconcile();
    this.subscriber = redis.duplicate();
    await this.subscriber.subscribe(CAMERA_CONFIG_CHANNEL);
    this.subscriber.on('message', () => void this.reconcile());
    // A periodic pass also catches changes made while Redis was unreachable.
    this.timer = setInterval(() => void this.reconcile(), this.ctx.config.reconcileIntervalS * 1000);
  }

  get running(): CameraRunner[] {
    return [...this.runners.values()].map((r) => r.runner);
  }

  reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(() => this.reconcileOnce()).catch((error: Error) =>
      this.ctx.log('error', 'reconcile failed', { error: error.message }),
    );
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<void> {
    const wanted = new Map((await listCameras(this.db, { enabledOnly: true })).map((c) => [c.id, c]));
    for (const [id, { runner, key }] of this.runners) {
      const camera = wanted.get(id);
      if (!camera || runtimeKey(camera) !== key) {
        this.runners.delete(id);
        await runner.stop();
        if (!camera) await this.ctx.reportStatus({ cameraId: id, status: 'disabled', reason: null, seenAt: null }).catch(() => undefined);
        this.ctx.log('info', 'camera stopped', { cameraId: id });
      }
    }
    for (const [id, camera] of wanted) {
      if (this.runners.has(id)) continue;
      this.runners.set(id, { runner: new CameraRunner(camera, this.ctx), key: runtimeKey(camera) });
      this.ctx.log('info', 'camera started', { cameraId: id, name: camera.name });
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.subscriber?.quit().catch(() => undefined);
    await this.reconciling;
    await Promise.all([...this.runners.values()].map(({ runner }) => runner.stop()));
    this.runners.clear();
  }
}
