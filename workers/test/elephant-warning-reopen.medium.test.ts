// Medium: a herd moving towards places nobody was warned about reopens an acknowledged warning and tells the
// webhook again; moving within the same places does not (real PostGIS, the 93 sub-district centroids).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '@toc/server/app';
import { findEvent, listEventUpdates, setEventStatus, updateDetectedEvent } from '@toc/server/repositories/events.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import type { Event } from '@toc/server/schemas';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import { warnAboutElephant, type ElephantWarningContext } from '../src/outputs/elephant-warnings';
import { startRecordingEndpoint, type RecordingEndpoint } from '../src/notify/recording-endpoint';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let recorder: RecordingEndpoint;
let ctx: ElephantWarningContext;
let operatorId: number;

const placeIds = (warning: Event) => (warning.payload.places as { id: number }[]).map((p) => p.id);

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  operatorId = await upsertUser(app.db, { username: 'operator', displayName: 'Op', role: 'operator', passwordHash: 'x' });
  recorder = await startRecordingEndpoint(() => ({ status: 200, body: '{}' }));
  redis = new Redis(requireEnv('REDIS_URL'));
  // The recorder listens on 127.0.0.1: allow-listed on purpose, as NOTIFY_ALLOWED_HOSTS would.
  const notify = { webhookUrls: [`${recorder.url}/hook`], webhookSecret: 'secret', lineToken: undefined, lineTargets: [], lineBaseUrl: undefined, allowedHosts: ['127.0.0.1'] };
  ctx = { db: app.db, events: createEventStore(app.db, { redis, channels: app.channels }), notifier: { db: app.db, config: { ...notify, publicUrl: 'http://toc.test' }, log: () => undefined } };
});

afterAll(async () => {
  await recorder?.close();
  await redis?.quit();
  await app?.close();
  await schema?.drop();
});

describe('elephant warning follow-up', () => {
  it('reopens an acknowledged warning when the herd comes within 10 km of new places, and only then', async () => {
    const sighting = await ctx.events.record({
      type: 'elephant.sighting',
      severity: 'critical',
      location: { lon: 101.72, lat: 13.43 },
      cameraId: null,
      startedAt: new Date().toISOString(),
      confidence: 0.8,
      modelId: 'yolox_nano_416',
      payload: { count: 2 },
    });
    const warning = (await warnAboutElephant(ctx, sighting, null))!;
    expect(warning.status).toBe('open');
    const firstPlaces = placeIds(warning);
    expect(firstPlaces.length).toBeGreaterThan(0);
    await expect.poll(() => recorder.requests.length).toBe(1);
    await setEventStatus(app.db, { id: warning.id, status: 'acknowledged', userId: operatorId, note: null });

    // A few hundred metres: the same places, so the acknowledgement stands and nobody is told twice.
    const nudged = (await updateDetectedEvent(app.db, sighting.id, { location: { lon: 101.722, lat: 13.431 } }))!;
    const same = (await warnAboutElephant(ctx, nudged, warning.id))!;
    expect(placeIds(same).sort()).toEqual([...firstPlaces].sort());
    expect(same.status).toBe('acknowledged');
    expect(recorder.requests).toHaveLength(1);

    // 13 km north, out of the forest: now also within 10 km of a sub-district the first warning did not name.
    const moved = (await updateDetectedEvent(app.db, sighting.id, { location: { lon: 101.69, lat: 13.55 } }))!;
    const reopened = (await warnAboutElephant(ctx, moved, warning.id))!;
    expect(placeIds(reopened).some((id) => !firstPlaces.includes(id))).toBe(true);
    expect(reopened.status).toBe('open');
    expect((await findEvent(app.db, warning.id))!.status).toBe('open');
    expect((await listEventUpdates(app.db, warning.id)).map((u) => u.kind)).toContain('reopened');
    await expect.poll(() => recorder.requests.length).toBe(2);
  });
});
