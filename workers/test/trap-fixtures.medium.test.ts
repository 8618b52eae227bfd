// Medium: a camera trap's fixture memory through the real trap worker, YOLOX-nano and PostGIS — a sculpted elephant
// in front of a trap stops raising sightings after three visits hours apart, or at once after an operator calls its
// sighting a false alarm; a live herd at the same trap is still a sighting, and not folded into the dismissed one.
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '@toc/models';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { channelNames } from '@toc/server/realtime/channel-names';
import { insertTrap } from '@toc/server/repositories/traps.repository';
import { findUserById, upsertUser } from '@toc/server/repositories/users.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import { changeEventStatus } from '@toc/server/services/events.service';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import type { TrapImageResult } from '@toc/server/schemas';
import { loadWorkerConfig } from '../src/config';
import { DetectorPool } from '../src/detect/detector-pool';
import { processTrapImage, type TrapWorkerContext } from '../src/traps/trap-image.worker';

const HOUR = 3_600_000;

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let db: Pool;
let redis: Redis;
let detectors: DetectorPool;
let snapshotDir: string;
let ctx: TrapWorkerContext;
let operatorId: number;

/** A dev photo the labels call a sculpted elephant, and that the still path calls an elephant (eval:trap-fixtures). */
const devPhoto = async (id: string) => {
  const dir = path.join(sharedDir(), 'media', 'elephants_openimages_dev', 'images');
  return path.join(
    dir,
    (await readdir(dir)).find((f) => f.startsWith(id))!,
  );
};

let stills = 0;
/** The trap sends `file` at `takenAt`: stored in the snapshot folder, then judged as the queue's worker would. */
async function visit(trapId: number, file: string, takenAt: number): Promise<TrapImageResult> {
  const imagePath = `traps/${trapId}/still-${++stills}.jpg`;
  await mkdir(path.join(snapshotDir, 'traps', String(trapId)), { recursive: true });
  await copyFile(file, path.join(snapshotDir, imagePath));
  return judge(trapId, imagePath, takenAt);
}

const judge = (trapId: number, imagePath: string, takenAt: number) =>
  processTrapImage(ctx, { trapId, imagePath, receivedAt: new Date(takenAt).toISOString() });

const newTrap = (name: string) =>
  insertTrap(db, { name, nameTh: name, location: { lon: 101.35, lat: 13.75 } }, Buffer.alloc(32)).then(
    (t) => t.id,
  );

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-trap-fixtures-'));
  detectors = new DetectorPool({ modelsDir: undefined, threads: 2 });
  const config = loadWorkerConfig({
    ...process.env,
    DATABASE_URL: schema.databaseUrl,
    QUEUE_PREFIX: schema.schema,
    SNAPSHOT_DIR: snapshotDir,
  });
  const events = createEventStore(db, { redis, channels: channelNames(schema.schema) });
  const notifier = { db, config: { ...config.notify, publicUrl: 'http://toc.test' }, log: () => undefined };
  ctx = { config, db, detectors, events, notifier };
  operatorId = await upsertUser(db, {
    username: 'op',
    displayName: 'Operator',
    role: 'operator',
    passwordHash: 'x',
  });
});

afterAll(async () => {
  await detectors?.close();
  await db?.end();
  await redis?.quit();
  await schema?.drop();
  if (snapshotDir) await rm(snapshotDir, { recursive: true, force: true });
});

describe('camera trap fixture memory', () => {
  it('stops taking a statue seen in the same place on three visits hours apart for a live elephant', async () => {
    const trap = await newTrap('statue by the gate');
    const statue = await devPhoto('bb885398871896c9');
    const start = Date.now() - 24 * HOUR;
    for (let n = 0; n < 3; n++) {
      const result = await visit(trap, statue, start + n * 6 * HOUR);
      expect(result.eventIds.length, `visit ${n + 1}`).toBeGreaterThan(0);
      expect(result.fixtures).toEqual([]);
    }
    const fourth = await visit(trap, statue, start + 18 * HOUR);
    expect(fourth.eventIds).toEqual([]);
    expect(fourth.fixtures).toEqual([
      expect.objectContaining({
        label: 'elephant',
        reason: 'repeated',
        visits: 3,
        firstSeenAt: new Date(start).toISOString(),
      }),
    ]);
    // The fourth still tried again (the queue's retry): the same verdict, its memory replaced rather than added to.
    const remembered = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM trap_still_objects WHERE trap_id = $1',
          [trap],
        )
      ).rows[0]!.n;
    expect(await remembered()).toBe(4);
    const retried = await judge(trap, `traps/${trap}/still-${stills}.jpg`, start + 18 * HOUR);
    expect(retried.fixtures).toEqual(fourth.fixtures);
    expect(await remembered()).toBe(4);
  });

  it('takes an object for a fixture once an operator calls its sighting a false alarm; a herd there is still seen', async () => {
    const trap = await newTrap('painted wall');
    const statue = await devPhoto('4333157b6287b8a0');
    const start = Date.now() - 2 * HOUR;
    const first = await visit(trap, statue, start);
    const [sightingId] = first.eventIds;
    expect(sightingId).toBeGreaterThan(0);
    const user = (await findUserById(db, operatorId))!;
    await changeEventStatus(
      { db, store: ctx.events, user, ip: null, announceCrashes: async () => undefined },
      sightingId!,
      'false_alarm',
      'a statue / รูปปั้น',
    );

    const again = await visit(trap, statue, start + 6 * 60_000);
    expect(again.eventIds).toEqual([]);
    expect(again.fixtures).toEqual([expect.objectContaining({ reason: 'dismissed', visits: 1 })]);

    // Minutes later a real herd: a new sighting, not an update of the one the operator dismissed.
    const herd = path.join(sharedDir(), 'media', 'cameratrapai_african_elephants.jpg');
    const live = await visit(trap, herd, start + 12 * 60_000);
    expect(live.eventIds.length).toBeGreaterThan(0);
    expect(live.eventIds[0]).not.toBe(sightingId);
    expect(live.fixtures).toEqual([]);
    const { rows } = await db.query<{ status: string }>('SELECT status FROM events WHERE id = $1', [
      sightingId,
    ]);
    expect(rows[0]!.status).toBe('false_alarm');
  });
});
