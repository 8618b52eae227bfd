// Medium: migration 015 brings delivery errors stored before the SSRF fix (with the receiver's reply) to our own words.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { REPO_ROOT } from '../src/config';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl));
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

it('keeps the status of an old failed delivery and drops the reply text it quoted, leaving other reasons alone', async () => {
  const event = await app.eventStore.record({
    type: 'elephant.warning',
    severity: 'critical',
    location: { lon: 101.6, lat: 13.5 },
    cameraId: null,
    startedAt: app.now().toISOString(),
    confidence: 0.9,
    modelId: 'yolox_nano_416',
    payload: {},
  });
  const errors = [
    'HTTP 500: {"error":"redis password is hunter2"}',
    'HTTP 404 from target',
    'network error (ECONNREFUSED)',
    'refused: resolves to an internal address (loopback)',
    null,
  ];
  for (const error of errors) {
    await app.db.query(
      `INSERT INTO notifications (event_id, channel, target, ok, status, attempts, error) VALUES ($1, 'webhook', 'hooks.example.org', $2, 500, 1, $3)`,
      [event.id, error === null, error],
    );
  }
  const migration = await readFile(path.join(REPO_ROOT, 'server', 'migrations', '015_scrub_notification_replies.sql'), 'utf8');
  await app.db.query(migration);
  const { rows } = await app.db.query<{ error: string | null }>('SELECT error FROM notifications ORDER BY id');
  expect(rows.map((row) => row.error)).toEqual([
    'HTTP 500 from target',
    'HTTP 404 from target',
    'network error (ECONNREFUSED)',
    'refused: resolves to an internal address (loopback)',
    null,
  ]);
});
