// The stores one scale configuration runs on: a fresh schema (migrated, a viewer to sign in as, the cameras) and its
// camera queue, so a configuration does not inherit the alarms and rows of the one before; dropped afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { QUEUES } from '@toc/server/schemas';
import { hashPassword } from '@toc/server/services/passwords';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { ScaleCameras } from './scale-cameras';

export const VIEWER = { username: 'scale-viewer', password: 'scale-viewer-password' };

export interface ScaleStores {
  db: Pool;
  redis: Redis;
  queue: Queue;
  cameras: ScaleCameras;
  /** What servers and workers need to use these stores (and a data folder of their own). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function openScaleStores(): Promise<ScaleStores> {
  const schema = await createTestSchema();
  const db = createPool(schema.databaseUrl, 4);
  const redis = new Redis(requireEnv('REDIS_URL'));
  const queue = new Queue(QUEUES.cameras, {
    connection: { url: requireEnv('REDIS_URL'), maxRetriesPerRequest: null },
    prefix: schema.schema,
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'toc-scale-'));
  await applyMigrations(db);
  await upsertUser(db, {
    username: VIEWER.username,
    displayName: 'Scale viewer',
    role: 'viewer',
    passwordHash: await hashPassword(VIEWER.password),
  });
  return {
    db,
    redis,
    queue,
    cameras: new ScaleCameras(db),
    env: {
      DATABASE_URL: schema.databaseUrl,
      QUEUE_PREFIX: schema.schema,
      // BENCH_SCALE_LOG_LEVEL=info: each camera's start and stop in the process logs (what a slow hand-back did).
      LOG_LEVEL: process.env.BENCH_SCALE_LOG_LEVEL ?? 'warn',
      SNAPSHOT_DIR: path.join(dataDir, 'snapshots'),
      RECORDINGS_DIR: path.join(dataDir, 'recordings'),
      EVIDENCE_DIR: path.join(dataDir, 'evidence'),
    },
    async close() {
      await queue.close();
      // The camera queue's keys (under the schema's prefix) go with the schema.
      const keys = redis.scanStream({ match: `${schema.schema}:*`, count: 500 }) as AsyncIterable<string[]>;
      for await (const batch of keys) if (batch.length > 0) await redis.del(...batch);
      await redis.quit();
      await db.end();
      await schema.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
