// Medium: "assign to me" on an alarm (real PostGIS): taken, taken over, released only by its holder, refused once
// closed and for roles that cannot act, every change audited and in the alarm's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { insertEvent, listEventUpdates } from '../src/repositories/events.repository';
import type { Event } from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let tokens: Record<'admin' | 'operator' | 'viewer', string>;

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  tokens = await roleTokens(app, ['admin', 'operator', 'viewer'] as const);
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

const post = (role: keyof typeof tokens, url: string) =>
  app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens[role]}` }, payload: {} });

describe('assigning an alarm', () => {
  it('lets an operator take an alarm, another take it over, and only its holder release it', async () => {
    const alarm = await insertEvent(app.db, {
      type: 'traffic.accident',
      severity: 'high',
      location: { lon: 101.07, lat: 13.69 },
      cameraId: null,
      startedAt: new Date().toISOString(),
      confidence: 0.9,
      modelId: null,
      payload: {},
    });
    const taken = await post('operator', `/api/events/${alarm.id}/assign`);
    expect(taken.statusCode).toBe(200);
    expect(taken.json<Event>()).toMatchObject({ assignedTo: 'operator', assignedAt: expect.any(String) });
    expect(taken.json<Event>().seq).toBeGreaterThan(alarm.seq);

    expect((await post('viewer', `/api/events/${alarm.id}/assign`)).statusCode).toBe(403);
    expect((await post('admin', `/api/events/${alarm.id}/assign`)).json<Event>().assignedTo).toBe('admin');
    const notYours = await post('operator', `/api/events/${alarm.id}/release`);
    expect(notYours.statusCode).toBe(409);
    expect(notYours.json()).toMatchObject({ messageTh: expect.stringContaining('ไม่ได้มอบหมาย') });
    const released = await post('admin', `/api/events/${alarm.id}/release`);
    expect(released.json<Event>()).toMatchObject({ assignedTo: null, assignedAt: null });

    const history = (await listEventUpdates(app.db, alarm.id)).map((u) => [u.kind, u.username]);
    expect(history).toEqual([
      ['assigned', 'operator'],
      ['assigned', 'admin'],
      ['released', 'admin'],
    ]);
    const audit = await app.db.query<{ action: string; username: string }>(
      'SELECT action, username FROM audit_log WHERE target = $1 ORDER BY id',
      [`event:${alarm.id}`],
    );
    expect(audit.rows.map((r) => `${r.action} ${r.username}`)).toEqual(['event.assign operator', 'event.assign admin', 'event.release admin']);

    await post('operator', `/api/events/${alarm.id}/resolve`);
    const closed = await post('operator', `/api/events/${alarm.id}/assign`);
    expect(closed.statusCode).toBe(409);
    expect((await post('operator', '/api/events/999999/assign')).statusCode).toBe(404);
  });
});
