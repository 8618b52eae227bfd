// Medium: every view of footage and every notification-target deletion leaves one audit row (who, what, when, from
// where; one per live view started, not per frame), and only admins read the log through GET /api/audit — filtered,
// paged newest first, exported as CSV — on the real server, PostGIS, Redis and RTSP simulator.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../src/app';
import { insertCamera } from '../src/repositories/cameras.repository';
import { insertSnapshot } from '../src/repositories/snapshots.repository';
import { verifyAuditChain } from '../src/services/audit-verify.service';
import type {
  Ack,
  AuditPage,
  AuditRecord,
  ClientToServerEvents,
  Role,
  ServerToClientEvents,
} from '../src/schemas';
import { createTestSchema, requireEnv, roleTokens, testConfig } from './test-env';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let baseUrl: string;
let tokens: Record<Role, string>;
let snapshotDir: string;
const cameraIds: number[] = [];
const clients: Client[] = [];
const ROLES = ['admin', 'operator', 'police', 'planner', 'viewer'] as const;
const BROWSER = 'audit-test-browser/1.0';

const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}`, 'user-agent': BROWSER });

async function audit(query: Record<string, string | number> = {}, role: Role = 'admin'): Promise<AuditPage> {
  const reply = await app.inject({
    url: '/api/audit',
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    headers: as(role),
  });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json();
}

function connect(role: Role): Promise<Client> {
  const socket: Client = io(baseUrl, {
    auth: { token: tokens[role] },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { 'user-agent': BROWSER },
  });
  clients.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

const watch = (socket: Client, cameraIds: number[], maxFps?: number) =>
  new Promise<Ack>((resolve) =>
    (socket.emit as (n: string, b: unknown, cb: (a: Ack) => void) => void)(
      'frames.watch',
      { cameraIds, ...(maxFps ? { maxFps } : {}) },
      resolve,
    ),
  );

const targets = (rows: AuditRecord[]) => rows.map((r) => r.target).sort();

beforeAll(async () => {
  schema = await createTestSchema();
  snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-audit-snapshots-'));
  app = await buildApp(testConfig(schema.databaseUrl, { snapshotDir }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  tokens = await roleTokens(app, ROLES);
  const streets = [
    `${requireEnv('RTSP_BASE')}/odc_street_traffic_640x360_30fps`,
    'rtsp://127.0.0.1:9/none',
    'rtsp://127.0.0.1:9/other',
  ];
  for (const [i, rtspUrl] of streets.entries()) {
    const camera = await insertCamera(app.db, {
      name: `Audit camera ${i}`,
      nameTh: `กล้องตรวจสอบ ${i}`,
      location: { lon: 101.05 + i / 100, lat: 13.7 },
      headingDeg: 90,
      fovDeg: 60,
      rtspUrl,
    });
    cameraIds.push(camera.id);
  }
});

afterAll(async () => {
  for (const socket of clients) socket.close();
  await app?.close();
  await schema?.drop();
});

describe('what is audited', () => {
  it('writes one row per live video started for a camera: not per frame, not per repeated request, not when refused', async () => {
    const [a, b, c] = cameraIds as [number, number, number];
    const viewer = await connect('viewer');
    expect(await watch(viewer, [a, b])).toEqual({ ok: true });
    expect(await watch(viewer, [a, b], 5)).toEqual({ ok: true }); // same cameras, another rate: still the same views
    expect(await watch(viewer, [b, c])).toEqual({ ok: true }); // c starts; a stops
    expect(await watch(viewer, [])).toEqual({ ok: true });
    expect(await watch(viewer, [a])).toEqual({ ok: true }); // watching a again is a new view

    const police = await connect('police');
    expect((await watch(police, [a])).ok).toBe(false);

    const { items } = await audit({ action: 'camera.live.view' });
    expect(items.map((r) => r.target)).toEqual([`camera:${a}`, `camera:${c}`, `camera:${b}`, `camera:${a}`]);
    for (const row of items) {
      expect(row).toMatchObject({
        username: 'viewer',
        userAgent: BROWSER,
        ip: '127.0.0.1',
        detail: { socketId: expect.any(String) },
      });
    }
    expect(items.some((r) => r.username === 'police')).toBe(false);
  });

  it('writes a row for each still picture sent, none for one that could not be taken or was refused', async () => {
    const [live, dead] = cameraIds as [number, number];
    const still = await app.inject({ url: `/api/cameras/${live}/frame.jpg`, headers: as('operator') });
    expect(still.statusCode).toBe(200);
    expect(still.headers['content-type']).toBe('image/jpeg');
    expect(
      (await app.inject({ url: `/api/cameras/${dead}/frame.jpg`, headers: as('operator') })).statusCode,
    ).toBe(503);
    expect(
      (await app.inject({ url: `/api/cameras/${live}/frame.jpg`, headers: as('police') })).statusCode,
    ).toBe(403);

    const { items } = await audit({ action: 'camera.still.view' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ username: 'operator', target: `camera:${live}`, userAgent: BROWSER });
  });

  it('writes a row for each snapshot image viewed, with where it was viewed from', async () => {
    const event = await app.eventStore.record({
      type: 'traffic.vehicles',
      severity: 'info',
      location: { lon: 101.07, lat: 13.69 },
      cameraId: null,
      startedAt: new Date().toISOString(),
      confidence: 0.7,
      modelId: 'yolox_nano_416',
      payload: { counts: { car: 1 }, total: 1 },
    });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    await writeFile(path.join(snapshotDir, 'audit-test.jpg'), jpeg);
    const id = await insertSnapshot(app.db, {
      eventId: event.id,
      kind: 'frame',
      path: 'audit-test.jpg',
      sha256: createHash('sha256').update(jpeg).digest('hex'),
      bytes: jpeg.length,
    });
    expect((await app.inject({ url: `/api/snapshots/${id}`, headers: as('police') })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/snapshots/${id}`, headers: as('viewer') })).statusCode).toBe(403);

    const { items } = await audit({ target: `snapshot:${id}` });
    expect(items).toEqual([
      expect.objectContaining({
        action: 'snapshot.view',
        username: 'police',
        userAgent: BROWSER,
        detail: { eventId: event.id },
      }),
    ]);
  });

  it('writes a row when a notification target is deleted, none when there was nothing to delete', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/notification-targets',
      headers: as('admin'),
      payload: {
        channel: 'line',
        target: `U${'0123456789abcdef'.repeat(2)}`,
        audience: 'ranger',
        eventTypes: ['elephant.warning'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/notification-targets/${id}`, headers: as('admin') }))
        .statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/notification-targets/${id}`, headers: as('admin') }))
        .statusCode,
    ).toBe(404);

    const { items } = await audit({ target: `notification-target:${id}` });
    expect(items.map((r) => [r.action, r.username])).toEqual([
      ['notification-target.delete', 'admin'],
      ['notification-target.create', 'admin'],
    ]);
  });
});

describe('GET /api/audit', () => {
  it('is for admins only', async () => {
    for (const role of ['operator', 'police', 'planner', 'viewer'] as const) {
      expect((await app.inject({ url: '/api/audit', headers: as(role) })).statusCode, role).toBe(403);
      expect((await app.inject({ url: '/api/audit?format=csv', headers: as(role) })).statusCode, role).toBe(
        403,
      );
    }
    expect((await app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });

  it('filters by user (any case), action prefix, target and period, newest first', async () => {
    const all = (await audit({ limit: 500 })).items;
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((x, y) => y - x));

    const viewer = (await audit({ user: 'VIEWER', limit: 500 })).items;
    expect(viewer.length).toBeGreaterThan(0);
    expect(viewer.every((r) => r.username === 'viewer')).toBe(true);

    const camera = (await audit({ action: 'camera.', limit: 500 })).items;
    expect(new Set(camera.map((r) => r.action))).toEqual(new Set(['camera.live.view', 'camera.still.view']));
    expect((await audit({ action: 'camera.%' })).items).toEqual([]); // a prefix, not a pattern

    const [a] = cameraIds as [number];
    expect(targets((await audit({ target: `camera:${a}`, action: 'camera.live' })).items)).toEqual([
      `camera:${a}`,
      `camera:${a}`,
    ]);

    const newest = all[0]!;
    const window = (
      await audit({ from: newest.at, to: new Date(Date.parse(newest.at) + 1).toISOString(), limit: 500 })
    ).items;
    expect(window.map((r) => r.id)).toContain(newest.id);
    expect(window.every((r) => r.at === newest.at)).toBe(true);
    expect((await audit({ to: all.at(-1)!.at })).items).toEqual([]); // `to` excludes its own instant
  });

  it('pages with a cursor until nextBefore is null', async () => {
    const all = (await audit({ limit: 500 })).items.map((r) => r.id);
    const paged: number[] = [];
    let before: number | null = null;
    do {
      const page: AuditPage = await audit({ limit: 3, ...(before ? { before } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items.map((r) => r.id));
      before = page.nextBefore;
    } while (before !== null);
    expect(paged).toEqual(all);
  });

  it('refuses bad filters with a reason in both languages', async () => {
    const now = new Date().toISOString();
    for (const query of [
      'limit=0',
      'limit=501',
      'before=0',
      'from=yesterday',
      'colour=red',
      `user=${'x'.repeat(101)}`,
    ]) {
      const reply = await app.inject({ url: `/api/audit?${query}`, headers: as('admin') });
      expect(reply.statusCode, query).toBe(400);
    }
    const reversed = await app.inject({ url: `/api/audit?from=${now}&to=${now}`, headers: as('admin') });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().messageTh).toBeTruthy();
  });

  it('exports the filtered rows as CSV, defuses formula cells, and audits the export', async () => {
    // Anyone can type a username at sign-in: a failed login puts it in the log.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: '=HYPERLINK("x")', password: 'nope' },
        })
      ).statusCode,
    ).toBe(401);

    const reply = await app.inject({
      url: '/api/audit?format=csv&action=auth.login_failed',
      headers: as('admin'),
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/csv/);
    expect(reply.headers['content-disposition']).toContain('audit-log.csv');
    const lines = reply.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('action / การกระทำ');
    expect(lines.slice(1).every((line) => line.includes('auth.login_failed'))).toBe(true);
    expect(reply.body).toContain(`"'=hyperlink(""x"")"`); // sign-in lower-cases names
    expect(reply.headers['x-audit-rows']).toBe(String(lines.length - 1));

    const [exported] = (await audit({ action: 'audit.export' })).items;
    expect(exported).toMatchObject({
      username: 'admin',
      detail: { filter: { action: 'auth.login_failed' }, rows: lines.length - 1 },
    });
  });

  it('leaves every row written here in one verified chain', async () => {
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true });
  });
});
