// Medium: the camera.behind alarm of a worker process SIGKILLed on real Redis is ended by a live worker's keeper
// (after two passes without it), a live worker's alarm is kept, a listing without the keeper's own worker changes
// nothing, and the keeper's own alarm is raised again when something ended it while its cameras are still behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { listEventUpdates, listRunningAlarms } from '@toc/server/repositories/events.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { QUEUES } from '@toc/server/schemas';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { BehindAlarmKeeper } from '../src/camera/behind-alarm-keeper';
import { BehindCameras } from '../src/camera/behind-cameras';
import { liveWorkerIds } from '../src/camera/live-workers';
import { conditionCleared } from '../src/outputs/condition-alarm';
import { behindFoldKey } from '../src/outputs/fold-keys';

let db: Pool;
let redis: Redis;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let queue: Queue;
const workers: Worker[] = [];
const children: ChildProcess[] = [];
const redisUrl = requireEnv('REDIS_URL');
const logged: string[] = [];
const log = (_level: string, message: string, detail?: Record<string, unknown>) =>
  logged.push(`${message} ${JSON.stringify(detail ?? {})}`);
const camera = (id: number) => ({ id, name: `Camera ${id}`, nameTh: `กล้อง ${id}` });

/** A camera worker's queue connection in this process, named as the worker host names it. */
async function connectWorker(name: string): Promise<Worker> {
  const worker = new Worker(QUEUES.cameras, async () => 'unused', {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix: schema.schema,
    name,
    autorun: false,
  });
  await worker.waitUntilReady();
  workers.push(worker);
  return worker;
}

/** The same in a process of its own, which the test can SIGKILL. */
async function spawnWorker(name: string): Promise<ChildProcess> {
  const script = `
    import { Worker } from 'bullmq';
    const worker = new Worker(${JSON.stringify(QUEUES.cameras)}, async () => 'unused', {
      connection: { url: ${JSON.stringify(redisUrl)}, maxRetriesPerRequest: null },
      prefix: ${JSON.stringify(schema.schema)},
      name: ${JSON.stringify(name)},
      autorun: false,
    });
    await worker.waitUntilReady();
    console.log('ready');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('ready');
  return child;
}

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  redis = new Redis(redisUrl);
  queue = new Queue(QUEUES.cameras, { connection: { url: redisUrl }, prefix: schema.schema });
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.close()));
  await queue?.close();
  await db?.end();
  await redis?.quit();
  await schema?.drop();
});

/** What the alarms are written with: this test's schema and channels. */
const alarmContext = () => ({
  db,
  events: createEventStore(db, { redis, channels: channelNames(schema.schema) }),
  log,
});

/** The keeper of `workerId`, with its worker's BehindCameras, listing the workers connected to the test's queue. */
function keeperOf(workerId: string) {
  const ctx = alarmContext();
  const behind = new BehindCameras({ ...ctx, workerId });
  const keeper = new BehindAlarmKeeper({
    ...ctx,
    workerId,
    liveWorkerIds: () => liveWorkerIds(queue),
    behindCameras: behind,
  });
  return { behind, keeper };
}

describe('the camera.behind keeper', () => {
  it('ends the alarm of a SIGKILLed worker after two passes without it, and keeps a live worker’s', async () => {
    const ctx = alarmContext();
    await connectWorker('keeper-self');
    const { keeper } = keeperOf('keeper-self');
    const killed = await spawnWorker('worker-killed');
    await connectWorker('worker-live');
    for (const [workerId, cameraId] of [
      ['worker-killed', 1],
      ['worker-live', 2],
    ] as const) {
      const behind = new BehindCameras({ ...ctx, workerId });
      behind.note(camera(cameraId), true);
      await behind.written();
    }
    expect(await liveWorkerIds(queue)).toEqual(new Set(['keeper-self', 'worker-killed', 'worker-live']));
    const runningOf = async () =>
      (await listRunningAlarms(db, 'camera.behind')).map((a) => a.payload.workerId);
    expect(await runningOf()).toEqual(['worker-killed', 'worker-live']);

    expect(await keeper.pass()).toEqual([]);
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    const killedAt = Date.now();
    expect(await keeper.pass()).toEqual([]); // missing once: could be a reconnect
    expect(await runningOf()).toEqual(['worker-killed', 'worker-live']);
    expect(await keeper.pass()).toEqual(['worker-killed']);
    console.log(
      `camera.behind keeper: killed worker's alarm ended after two passes (${Date.now() - killedAt} ms here, ` +
        'two RECONCILE_INTERVAL_S in a worker)',
    );
    expect(await runningOf()).toEqual(['worker-live']);
    const {
      rows: [ended],
    } = await db.query<{ id: number }>('SELECT id FROM events WHERE fold_key = $1', [
      behindFoldKey('worker-killed'),
    ]);
    const updates = await listEventUpdates(db, ended!.id);
    expect(updates.at(-1)).toMatchObject({ kind: 'ended', detail: { reason: 'worker_gone' } });
    expect(await keeper.pass()).toEqual([]);
    expect(await runningOf()).toEqual(['worker-live']);
    expect(
      logged.filter((line) => !line.startsWith('camera.behind alarm of a worker that is gone ended')),
    ).toEqual([]);
  });

  it('trusts no listing without its own worker, and raises its own alarm again when it was ended under it', async () => {
    const ctx = alarmContext();
    const { behind, keeper } = keeperOf('keeper-unlisted');
    const orphan = new BehindCameras({ ...ctx, workerId: 'worker-never-listed' });
    orphan.note(camera(3), true);
    await orphan.written();
    behind.note(camera(4), true);
    await behind.written();
    for (let pass = 0; pass < 3; pass += 1) expect(await keeper.pass()).toEqual([]);
    const running = async () => (await listRunningAlarms(db, 'camera.behind')).map((a) => a.payload.workerId);
    expect(await running()).toContain('worker-never-listed');

    await conditionCleared(ctx, behindFoldKey('keeper-unlisted'), new Date().toISOString());
    expect(await running()).not.toContain('keeper-unlisted');
    await keeper.pass();
    expect(await running()).toContain('keeper-unlisted');
    const before = (await listRunningAlarms(db, 'camera.behind')).length;
    await keeper.pass(); // standing as it should: nothing written
    expect((await listRunningAlarms(db, 'camera.behind')).length).toBe(before);
  });
});
