// Medium: the real API on real PostGIS and Redis — migrations, auth and roles, bad input, queries, actions, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { applyMigrations } from '../src/db/migrate';
import { insertCamera } from '../src/repositories/cameras.repository';
import type { Event, NewEvent } from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const tokens: Record<string, string> = {};

const camera = {
  name: 'Test camera',
  nameTh: 'กล้องทดสอบ',
  location: { lon: 101.07, lat: 13.69 },
  headingDeg: 90,
  fovDeg: 60,
  rtspUrl: 'rtsp://127.0.0.1:8554/odc_street_traffic_640x360_30fps',
};

const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { loginMaxFailures: 3 }));
  Object.assign(tokens, await roleTokens(app, ['admin', 'operator', 'viewer']));
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('migrations', () => {
  it('created every table from empty and records each migration once', async () => {
    const { rows } = await app.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema.schema],
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['audit_log', 'cameras', 'events', 'schema_migrations', 'sessions', 'users']),
    );
    expect(await applyMigrations(app.db)).toEqual([]);
    const gist = await app.db.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gist%'`,
      [schema.schema],
    );
    expect(gist.rows.map((r) => r.indexname)).toEqual(expect.arrayContaining(['cameras_location_gix', 'events_location_gix', 'places_location_gix']));
  });
});

describe('authentication and roles', () => {
  it('rejects a wrong password and an unknown user with the same reply', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().messageTh).toBeTruthy();
  });

  it('locks out repeated failures and audits them', async () => {
    const attempt = () =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: 'guess' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(429);
    const { rows } = await app.db.query(`SELECT action FROM audit_log WHERE username = 'operator' AND action LIKE 'auth.login_%'`);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login_blocked']));
    await app.redis.del(`toc:login-failures:operator:127.0.0.1`);
  });

  it('requires a session and returns the current user', async () => {
    expect((await app.inject({ url: '/api/cameras' })).statusCode).toBe(401);
    const me = await app.inject({ url: '/api/me', headers: as('viewer') });
    expect(me.json()).toMatchObject({ username: 'viewer', role: 'viewer' });
  });

  it('forbids a viewer from admin routes', async () => {
    const reply = await app.inject({ method: 'POST', url: '/api/cameras', headers: as('viewer'), payload: camera });
    expect(reply.statusCode).toBe(403);
    expect(reply.json().message).toMatch(/viewer/);
  });

  it('ends the session on logout', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: 'pw-viewer' } });
    const token = login.json().token;
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });
});

describe('cameras', () => {
  it('creates, updates and deletes a camera as admin', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/cameras', headers: as('admin'), payload: camera });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ ...camera, enabled: true, status: 'starting', modelId: 'yolox_nano_416' });
    const patched = await app.inject({ method: 'PATCH', url: `/api/cameras/${id}`, headers: as('admin'), payload: { enabled: false } });
    expect(patched.json()).toMatchObject({ enabled: false, status: 'disabled', name: camera.name });
    expect((await app.inject({ method: 'DELETE', url: `/api/cameras/${id}`, headers: as('admin') })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/cameras/${id}`, headers: as('admin') })).statusCode).toBe(404);
    const audit = await app.db.query(`SELECT action FROM audit_log WHERE target = $1 ORDER BY id`, [`camera:${id}`]);
    expect(audit.rows.map((r) => r.action)).toEqual(['camera.create', 'camera.update', 'camera.delete']);
  });

  it.each([
    ['a missing field', { ...camera, name: undefined }, /name/],
    ['a latitude off the globe', { ...camera, location: { lon: 101, lat: 123 } }, /lat/],
    ['an http URL', { ...camera, rtspUrl: 'http://10.0.0.5/stream' }, /rtspUrl/],
    ['a URL carrying ffmpeg options', { ...camera, rtspUrl: 'rtsp://10.0.0.5/live -f rawvideo /tmp/x' }, /rtspUrl/],
    ['a file URL', { ...camera, rtspUrl: 'file:///etc/passwd' }, /rtspUrl/],
    ['an unknown field', { ...camera, shell: 'rm -rf /' }, /additional/],
  ])('rejects %s with 400 and a reason, changing nothing', async (_label, body, reason) => {
    const before = (await app.db.query('SELECT count(*)::int AS n FROM cameras')).rows[0].n;
    const reply = await app.inject({ method: 'POST', url: '/api/cameras', headers: as('admin'), payload: body });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().message).toMatch(reason);
    expect(reply.json().messageTh).toBeTruthy();
    expect((await app.db.query('SELECT count(*)::int AS n FROM cameras')).rows[0].n).toBe(before);
  });
});

describe('events', () => {
  let cameraId: number;
  const at = (iso: string, lon: number, lat: number): NewEvent => ({
    type: 'traffic.vehicles',
    severity: 'info',
    location: { lon, lat },
    cameraId,
    startedAt: iso,
    confidence: 0.8,
    modelId: 'yolox_nano_416',
    payload: { counts: { car: 3 }, total: 3 },
  });

  beforeAll(async () => {
    cameraId = (await insertCamera(app.db, camera)).id;
    await app.eventStore.record(at('2026-01-10T01:00:00Z', 101.07, 13.69)); // Mueang Chachoengsao
    await app.eventStore.record(at('2026-01-10T02:00:00Z', 100.97, 13.52)); // Bang Pakong
    await app.eventStore.record(at('2026-01-11T01:00:00Z', 101.66, 13.44)); // Tha Takiap
  });

  const query = async (qs: string) => {
    const reply = await app.inject({ url: `/api/events?${qs}`, headers: as('viewer') });
    expect(reply.statusCode).toBe(200);
    return reply.json() as { items: Event[]; total: number };
  };

  it('filters by bounding box', async () => {
    const page = await query('bbox=101.0,13.6,101.2,13.8');
    expect(page.items.map((e) => e.location)).toEqual([{ lon: 101.07, lat: 13.69 }]);
  });

  it('filters by time range, newest first, with paging', async () => {
    const page = await query('from=2026-01-10T00:00:00Z&to=2026-01-11T00:00:00Z&limit=1');
    expect(page.total).toBe(2);
    expect(page.items[0]!.startedAt).toBe('2026-01-10T02:00:00.000Z');
    const next = await query('from=2026-01-10T00:00:00Z&to=2026-01-11T00:00:00Z&limit=1&offset=1');
    expect(next.items[0]!.startedAt).toBe('2026-01-10T01:00:00.000Z');
  });

  it('filters by type and status, single or repeated', async () => {
    expect((await query('type=traffic.vehicles&status=open')).total).toBe(3);
    expect((await query('type=elephant.warning&type=crowd.alert')).total).toBe(0);
  });

  it.each([
    ['bbox=1,2,3', /bbox/],
    ['bbox=102,13,101,14', /bbox/],
    ['from=yesterday', /from/],
    ['type=traffic.teleport', /type/],
    ['limit=100000', /limit/],
    ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', /before/],
  ])('rejects %s with 400', async (qs, reason) => {
    const reply = await app.inject({ url: `/api/events?${qs}`, headers: as('viewer') });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().message).toMatch(reason);
  });

  it('lets an operator acknowledge then resolve, with who and when, and refuses a viewer', async () => {
    const { items } = await query('limit=1');
    const id = items[0]!.id;
    expect((await app.inject({ method: 'POST', url: `/api/events/${id}/acknowledge`, headers: as('viewer'), payload: {} })).statusCode).toBe(403);
    const acked = await app.inject({ method: 'POST', url: `/api/events/${id}/acknowledge`, headers: as('operator'), payload: { note: 'seen' } });
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'operator', note: 'seen' });
    expect(acked.json().seq).toBeGreaterThan(items[0]!.seq);
    const resolved = await app.inject({ method: 'POST', url: `/api/events/${id}/resolve`, headers: as('operator'), payload: {} });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedBy: 'operator' });
    const again = await app.inject({ method: 'POST', url: `/api/events/${id}/acknowledge`, headers: as('operator'), payload: {} });
    expect(again.statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/api/events/999999/resolve`, headers: as('operator'), payload: {} })).statusCode).toBe(404);
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'ready', db: 'ok', redis: 'ok' });
  });
});
