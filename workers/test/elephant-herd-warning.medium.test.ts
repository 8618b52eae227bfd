// Medium: one open warning per herd (movement path) — a second trap a few km on refreshes the herd's warning instead of
// opening another, a herd far away gets its own, a resolved warning is not reused — and the warning says who could be told
// (counts only). Real PostGIS with the 93 sub-district centroids, a local webhook recorder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '@toc/server/app';
import { findEvent, listEventUpdates, setEventStatus } from '@toc/server/repositories/events.repository';
import { insertNotificationTarget } from '@toc/server/repositories/notifications.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { createEventStore, type EventStore } from '@toc/server/services/event-store.service';
import type { Event, LonLat, NotificationReach } from '@toc/server/schemas';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import { warnAboutElephant, type ElephantWarningContext } from '../src/outputs/elephant-warnings';
import { startRecordingEndpoint, type RecordingEndpoint } from '../src/notify/recording-endpoint';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let recorder: RecordingEndpoint;
let events: EventStore;
let told: ElephantWarningContext;
let nobody: ElephantWarningContext;
let operatorId: number;

const FOREST = { lon: 101.72, lat: 13.43 };
/** About 3 km north of the first trap: the same herd walking on. */
const FOREST_NORTH = { lon: 101.72, lat: 13.457 };
/** Phanom Sarakham, some 50 km north-west: another herd. */
const FAR = { lon: 101.35, lat: 13.75 };

let trapSeq = 0;
/** A camera trap's sighting, as the trap worker records it. */
const trapSighting = (at: LonLat, count: number): Promise<Event> => {
  trapSeq += 1;
  return events.record({
    type: 'elephant.sighting',
    severity: 'critical',
    location: at,
    cameraId: null,
    startedAt: new Date().toISOString(),
    confidence: 0.8,
    modelId: 'yolox_nano_416',
    payload: { count, trapId: trapSeq, trapName: `Trap ${trapSeq}`, trapNameTh: `กล้องดักถ่าย ${trapSeq}` },
  });
};

/** The elephant warnings operators have in hand (open or acknowledged), by herd. */
async function warningsInHand(): Promise<{ id: number; pathId: number }[]> {
  const { rows } = await app.db.query<{ id: number; path_id: string }>(
    `SELECT id, payload->>'pathId' AS path_id FROM events WHERE type = 'elephant.warning' AND status IN ('open', 'acknowledged') ORDER BY id`,
  );
  return rows.map((r) => ({ id: r.id, pathId: Number(r.path_id) }));
}

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  operatorId = await upsertUser(app.db, { username: 'operator', displayName: 'Op', role: 'operator', passwordHash: 'x' });
  recorder = await startRecordingEndpoint(() => ({ status: 200, body: '{}' }));
  redis = new Redis(requireEnv('REDIS_URL'));
  events = createEventStore(app.db, { redis, channels: app.channels });
  const log = () => undefined;
  // The recorder listens on 127.0.0.1: allow-listed on purpose, as NOTIFY_ALLOWED_HOSTS would.
  const hook = { webhookUrls: [`${recorder.url}/hook?token=s3cret`], webhookSecret: 'secret', lineTargets: [], allowedHosts: ['127.0.0.1'] };
  told = { db: app.db, events, notifier: { db: app.db, config: { ...hook, publicUrl: 'http://toc.test' }, log } };
  // No system-wide channel and no LINE token: only per-district targets could be told.
  nobody = { db: app.db, events, notifier: { db: app.db, config: { webhookUrls: [], lineTargets: [], publicUrl: 'http://toc.test' }, log } };
});

afterAll(async () => {
  await recorder?.close();
  await redis?.quit();
  await app?.close();
  await schema?.drop();
});

describe('one elephant warning per herd', () => {
  let herdWarning: Event;

  it('refreshes the herd warning when a second trap a few km on sees the herd, instead of opening another', async () => {
    const first = await trapSighting(FOREST, 2);
    herdWarning = (await warnAboutElephant(told, first, null))!;
    expect(herdWarning.status).toBe('open');
    await expect.poll(() => recorder.requests.length).toBe(1);
    await setEventStatus(app.db, { id: herdWarning.id, status: 'acknowledged', userId: operatorId, note: null });

    const second = await trapSighting(FOREST_NORTH, 3);
    const refreshed = (await warnAboutElephant(told, second, null))!;
    expect(refreshed.id).toBe(herdWarning.id);
    expect((await findEvent(app.db, second.id))!.payload.pathId).toBe(herdWarning.payload.pathId);
    expect(refreshed.payload).toMatchObject({
      sightingEventId: second.id,
      sightingEventIds: [first.id, second.id],
      trapName: second.payload.trapName,
      // The herd is as many as the most any of its sightings counted.
      count: 3,
      pathId: herdWarning.payload.pathId,
    });
    expect(refreshed.location).toEqual(FOREST_NORTH);
    const nearest = (refreshed.payload.places as { distanceM: number }[])[0]!.distanceM;
    expect(refreshed.payload.nearestM).toBe(nearest);
    expect(await warningsInHand()).toEqual([{ id: herdWarning.id, pathId: herdWarning.payload.pathId }]);

    // Told again only if the herd now threatens places the warning did not name, and then it is back in front of operators.
    const updates = await listEventUpdates(app.db, herdWarning.id);
    const joined = updates.find((u) => u.kind === 'updated' && u.detail.sightingEventId === second.id)!;
    expect(joined).toBeDefined();
    const newPlaces = Number(joined.detail.newPlaces);
    expect(refreshed.status).toBe(newPlaces > 0 ? 'open' : 'acknowledged');
    await expect.poll(() => recorder.requests.length).toBe(newPlaces > 0 ? 2 : 1);
  });

  it('opens a separate warning for a herd far away, and counts who could be told without naming them', async () => {
    await insertNotificationTarget(app.db, { channel: 'line', target: 'Uvillage-head', audience: 'village_head', eventTypes: ['elephant.warning'] });
    const far = await trapSighting(FAR, 1);
    const other = (await warnAboutElephant(nobody, far, null))!;
    expect(other.id).not.toBe(herdWarning.id);
    expect(other.payload.pathId).not.toBe(herdWarning.payload.pathId);
    expect((await warningsInHand()).map((w) => w.id)).toEqual([herdWarning.id, other.id]);

    // The far herd: no system-wide channel, and the one LINE target cannot be sent to without a LINE token.
    const reach = other.payload.notifyReach as NotificationReach;
    expect(reach).toMatchObject({ channels: 0, targets: 1, lineWithoutToken: 1 });
    expect(reach.districtsTh.length).toBeGreaterThan(0);
    // The first herd: the one configured webhook, counted but never named (its URL carries a token).
    const first = (await findEvent(app.db, herdWarning.id))!;
    expect(first.payload.notifyReach).toMatchObject({ channels: 1, targets: 0, lineWithoutToken: 0 });
    expect(JSON.stringify(first.payload)).not.toMatch(/s3cret|127\.0\.0\.1/);
  });

  it('opens one new warning when a resolved herd is seen again, even by two traps at once', async () => {
    await setEventStatus(app.db, { id: herdWarning.id, status: 'resolved', userId: operatorId, note: null });
    const [a, b] = await Promise.all([trapSighting(FOREST_NORTH, 2), trapSighting({ lon: 101.725, lat: 13.46 }, 2)]);
    const [wa, wb] = await Promise.all([warnAboutElephant(told, a, null), warnAboutElephant(told, b, null)]);
    expect(wa!.id).toBe(wb!.id);
    expect(wa!.id).not.toBe(herdWarning.id);
    const inHand = await warningsInHand();
    expect(inHand.filter((w) => w.pathId === herdWarning.payload.pathId)).toEqual([{ id: wa!.id, pathId: herdWarning.payload.pathId }]);
    expect(inHand).toHaveLength(2);
  });
});
