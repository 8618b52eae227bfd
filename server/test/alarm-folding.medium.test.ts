// Medium: repeat triggers fold into the alarm they repeat (real PostGIS and Redis): a count, not a flood.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '../src/app';
import { insertEvent, listEventUpdates, lockFoldKey, setEventStatus, updateDetectedEvent } from '../src/repositories/events.repository';
import { upsertUser } from '../src/repositories/users.repository';
import { FOLD_WINDOW_S } from '../src/services/alarm-folding';
import { createEventStore, type EventStore } from '../src/services/event-store.service';
import type { NewEvent } from '../src/schemas';
import { createTestSchema, requireEnv, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let store: EventStore;
let operatorId: number;

const T0 = Date.parse('2026-12-04T16:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const crowd = (minutes: number, fields: Partial<NewEvent> = {}): NewEvent => ({
  type: 'crowd.alert',
  severity: 'high',
  location: { lon: 101.0757, lat: 13.6786 },
  cameraId: null,
  startedAt: at(minutes),
  confidence: 0.7,
  modelId: 'yolox_nano_416',
  payload: { zoneId: 9, count: 8 },
  ...fields,
});

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  operatorId = await upsertUser(app.db, { username: 'operator', displayName: 'Op', role: 'operator', passwordHash: 'x' });
  redis = new Redis(requireEnv('REDIS_URL'));
  store = createEventStore(app.db, { redis, channels: app.channels });
});

afterAll(async () => {
  await redis?.quit();
  await app?.close();
  await schema?.drop();
});

describe('raising alarms that repeat', () => {
  it('folds a repeat within the window into the running or recently ended alarm, with its count and history', async () => {
    const first = await store.raise(crowd(0), 'camera:5|crowd.alert|crowd_alert|zone:9');
    expect(first.folded).toBe(false);
    expect(first.event.occurrences).toBe(1);
    await updateDetectedEvent(app.db, first.event.id, { endedAt: at(2) });

    const windowMin = FOLD_WINDOW_S['crowd.alert']! / 60;
    const again = await store.raise(crowd(2 + windowMin - 1, { payload: { zoneId: 9, count: 11 } }), 'camera:5|crowd.alert|crowd_alert|zone:9');
    expect(again.folded).toBe(true);
    expect(again.event.id).toBe(first.event.id);
    expect(again.event.occurrences).toBe(2);
    expect(again.event.endedAt).toBeNull();
    expect(again.event.startedAt).toBe(first.event.startedAt);
    expect(again.event.lastRaisedAt).toBe(at(2 + windowMin - 1));
    expect(again.event.payload.count).toBe(11);
    expect(again.event.seq).toBeGreaterThan(first.event.seq);
    const kinds = (await listEventUpdates(app.db, first.event.id)).map((u) => u.kind);
    expect(kinds).toEqual(['opened', 'repeated']);
  });

  it('opens a new alarm once the earlier one has been over for longer than the window, or for another key', async () => {
    const key = 'camera:6|crowd.alert|crowd_alert|zone:1';
    const first = await store.raise(crowd(0, { cameraId: null }), key);
    await updateDetectedEvent(app.db, first.event.id, { endedAt: at(1) });
    const windowMin = FOLD_WINDOW_S['crowd.alert']! / 60;
    const late = await store.raise(crowd(1 + windowMin + 1), key);
    expect(late.folded).toBe(false);
    expect(late.event.id).not.toBe(first.event.id);
    const other = await store.raise(crowd(1 + windowMin + 1), 'camera:6|crowd.alert|crowd_alert|zone:2');
    expect(other.folded).toBe(false);
  });

  it('never folds into an alarm an operator has closed, and reopens an acknowledged one only for a worse repeat', async () => {
    const key = 'camera:7|traffic.incident|stopped_vehicle|zone:3';
    const incident = (minutes: number, severity: NewEvent['severity']) => crowd(minutes, { type: 'traffic.incident', severity, payload: { kind: 'stopped_vehicle' } });
    const first = await store.raise(incident(0, 'medium'), key);
    await setEventStatus(app.db, { id: first.event.id, status: 'acknowledged', userId: operatorId, note: null });

    const same = await store.raise(incident(1, 'medium'), key);
    expect(same.event.id).toBe(first.event.id);
    expect(same.event.status).toBe('acknowledged');
    const worse = await store.raise(incident(2, 'high'), key);
    expect(worse.event.id).toBe(first.event.id);
    expect(worse.event.status).toBe('open');
    expect(worse.event.severity).toBe('high');
    const milder = await store.raise(incident(3, 'low'), key);
    expect(milder.event.severity).toBe('high');
    expect(milder.event.occurrences).toBe(4);

    await setEventStatus(app.db, { id: first.event.id, status: 'resolved', userId: operatorId, note: 'towed' });
    const afterClose = await store.raise(incident(4, 'medium'), key);
    expect(afterClose.folded).toBe(false);
    expect(afterClose.event.id).not.toBe(first.event.id);
  });

  it('opens one alarm when the same trigger is raised twenty times at once', async () => {
    const key = 'vehicle:42|bus.off_route';
    const bus = (i: number): NewEvent => crowd(0, { type: 'bus.off_route', severity: 'medium', payload: { vehicleId: 42, i } });
    // Ten connections open first, so the raises really run side by side instead of queueing for a connection.
    await Promise.all(Array.from({ length: 10 }, () => app.db.query('SELECT pg_sleep(0.05)')));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.raise(bus(i), key)));
    const ids = new Set(results.map((r) => r.event.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.folded)).toHaveLength(1);
    expect(Math.max(...results.map((r) => r.event.occurrences))).toBe(20);
  });

  it('waits for another raise of the same key still in flight, then folds into the alarm it opened', async () => {
    // The race made deterministic: another worker's raise holds the key's lock and has inserted, not yet committed.
    const key = 'camera:9|crowd.alert|crowd_alert|zone:4';
    const other = await app.db.connect();
    try {
      await other.query('BEGIN');
      await lockFoldKey(other, key);
      const opened = await insertEvent(other, crowd(0), key);
      let settled = false;
      const raising = store.raise(crowd(1), key).finally(() => (settled = true));
      // Without the lock this raise would see no alarm (the insert is uncommitted) and open a second one at once.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await other.query('COMMIT');
      const raised = await raising;
      expect(raised).toMatchObject({ folded: true, event: { id: opened.id, occurrences: 2 } });
    } finally {
      other.release();
    }
  });
});
