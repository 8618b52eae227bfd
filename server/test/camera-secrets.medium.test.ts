// Medium: camera credentials are write-only. No route (every GET in the OpenAPI document), socket message, audit row
// or stored URL carries the user or the password, for any role; non-admins get no stream URL; updates keep settings.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../src/app';
import { applyMigrations, MIGRATIONS_DIR } from '../src/db/migrate';
import { createPool } from '../src/db/pool';
import { reportCameraStatus } from '../src/services/camera-status.service';
import { findStreamCamera } from '../src/services/camera-streams.service';
import type { Camera, CameraStatusMessage, ClientToServerEvents, Role, ServerToClientEvents } from '../src/schemas';
import { ALL_ROLES } from '../src/plugins/types';
import { createTestSchema, roleTokens, testConfig } from './test-env';

// Distinctive, so a hit anywhere is a leak and not a coincidence.
const URL_USER = 'leakuser-7Qx';
const URL_PASSWORD = 'leak-pa55-Zr9';
const FIELD_USER = 'field user@site';
const FIELD_PASSWORD = 'p@ss/w:rd-K2m';
const SECRETS = [URL_USER, URL_PASSWORD, FIELD_USER, FIELD_PASSWORD, encodeURIComponent(FIELD_USER), encodeURIComponent(FIELD_PASSWORD)];

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let baseUrl: string;
let tokens: Record<Role, string>;
let urlCamera: Camera;
let fieldCamera: Camera;

const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });
const leaksIn = (text: string) => SECRETS.filter((secret) => text.includes(secret));

const cameraBody = (name: string, rtspUrl: string) => ({
  name,
  nameTh: `กล้อง ${name}`,
  location: { lon: 101.07, lat: 13.69 },
  headingDeg: 90,
  fovDeg: 60,
  rtspUrl,
  enabled: false, // no worker runs here; the URLs point nowhere
  modelId: 'picodet_s_416',
  detectFps: 3,
  tiling: '2x1' as const,
});

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  tokens = await roleTokens(app, ALL_ROLES);
  const created = await app.inject({
    method: 'POST',
    url: '/api/cameras',
    headers: as('admin'),
    payload: cameraBody('url-credentials', `rtsp://${URL_USER}:${URL_PASSWORD}@127.0.0.1:9/cam1`),
  });
  expect(created.statusCode, created.body).toBe(201);
  urlCamera = created.json();
  const second = await app.inject({
    method: 'POST',
    url: '/api/cameras',
    headers: as('admin'),
    payload: { ...cameraBody('field-credentials', 'rtsp://127.0.0.1:9/cam2'), rtspCredentials: { username: FIELD_USER, password: FIELD_PASSWORD } },
  });
  expect(second.statusCode, second.body).toBe(201);
  fieldCamera = second.json();
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('camera credentials are write-only', () => {
  it('stores them sealed: the URL column is clean and the sealed column holds no plaintext', async () => {
    const { rows } = await app.db.query<{ rtsp_url: string; rtsp_credentials: Buffer | null }>(
      'SELECT rtsp_url, rtsp_credentials FROM cameras ORDER BY id',
    );
    expect(rows.map((r) => r.rtsp_url)).toEqual(['rtsp://127.0.0.1:9/cam1', 'rtsp://127.0.0.1:9/cam2']);
    for (const row of rows) {
      expect(row.rtsp_credentials).not.toBeNull();
      expect(leaksIn(row.rtsp_credentials!.toString('latin1'))).toEqual([]);
    }
    // The database itself refuses a URL with credentials from any path that forgot to seal them.
    await expect(
      app.db.query("UPDATE cameras SET rtsp_url = 'rtsp://a:b@127.0.0.1/x' WHERE id = $1", [urlCamera.id]),
    ).rejects.toThrow(/cameras_rtsp_url_without_credentials/);
  });

  it('shows admins that credentials are set and where the stream is, and other roles no stream URL at all', async () => {
    for (const role of ALL_ROLES) {
      const list = await app.inject({ url: '/api/cameras', headers: as(role) });
      const one = await app.inject({ url: `/api/cameras/${fieldCamera.id}`, headers: as(role) });
      expect([list.statusCode, one.statusCode]).toEqual([200, 200]);
      const camera = one.json<Camera>();
      if (role === 'admin') {
        expect(camera).toMatchObject({ rtspUrl: 'rtsp://127.0.0.1:9/cam2', rtspCredentialsSet: true });
      } else {
        expect(camera.rtspUrl, role).toBeUndefined();
        expect(camera.rtspCredentialsSet, role).toBeUndefined();
        expect(list.body, role).not.toContain('rtsp://');
      }
    }
  });

  it('leaks them through no GET route of the API, for any role', async () => {
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(spec.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([route]) => route.replace(/\{[^}]+\}/g, String(urlCamera.id)));
    expect(paths.length).toBeGreaterThan(30);
    const replies: string[] = [];
    for (const role of ALL_ROLES) {
      for (const url of paths) {
        const reply = await app.inject({ url, headers: as(role) });
        replies.push(`${role} ${url} ${reply.statusCode}`);
        expect(leaksIn(reply.body), `${role} GET ${url}`).toEqual([]);
      }
    }
    // The camera routes themselves answered (not merely refused), so the check above looked at real bodies.
    expect(replies).toContain(`admin /api/cameras/${urlCamera.id} 200`);
  });

  it('keeps them out of the audit log', async () => {
    const { rows } = await app.db.query<{ text: string }>('SELECT row_to_json(a)::text AS text FROM audit_log a');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((row) => leaksIn(row.text))).toEqual([]);
  });

  it("hides them in a worker's status reason, stored and pushed to every role's socket", async () => {
    const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
    const received: string[] = [];
    try {
      for (const role of ALL_ROLES) {
        const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
          auth: { token: tokens[role] },
          transports: ['websocket'],
          reconnection: false,
        });
        socket.on('camera.status', (message: CameraStatusMessage) => {
          if (message.cameraId === urlCamera.id) received.push(`${role} ${JSON.stringify(message)}`);
        });
        await new Promise<void>((resolve, reject) => {
          socket.on('connect', resolve);
          socket.on('connect_error', reject);
        });
        sockets.push(socket);
      }
      await app.db.query('UPDATE cameras SET enabled = true WHERE id = $1', [urlCamera.id]);
      // What ffmpeg prints for a refused connection, URL and all.
      const ffmpegLine = `[tcp @ 0x55d] Connection to tcp://127.0.0.1:9 failed: rtsp://${URL_USER}:${URL_PASSWORD}@127.0.0.1:9/cam1: Connection refused`;
      await reportCameraStatus({ db: app.db, redis: app.redis, channels: app.channels }, { cameraId: urlCamera.id, status: 'offline', reason: ffmpegLine, seenAt: null });
      const end = Date.now() + 5000;
      while (received.length < ALL_ROLES.length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(received).toHaveLength(ALL_ROLES.length);
      expect(received.flatMap(leaksIn)).toEqual([]);
      expect(received[0]).toContain('Connection refused');
      const stored = await app.inject({ url: `/api/cameras/${urlCamera.id}`, headers: as('viewer') });
      expect(stored.json<Camera>().statusReason).toContain('rtsp://***@127.0.0.1:9/cam1');
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});

describe('camera updates change only what they name', () => {
  it('renames without resetting the model, rate or tiling, and keeps the credentials', async () => {
    const reply = await app.inject({ method: 'PATCH', url: `/api/cameras/${urlCamera.id}`, headers: as('admin'), payload: { name: 'renamed' } });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<Camera>()).toMatchObject({
      name: 'renamed',
      modelId: 'picodet_s_416',
      detectFps: 3,
      tiling: '2x1',
      rtspCredentialsSet: true,
      rtspUrl: 'rtsp://127.0.0.1:9/cam1',
    });
  });

  it('sets a tiling that looks at the whole picture as well, and refuses one it does not know with the reason', async () => {
    const set = await app.inject({ method: 'PATCH', url: `/api/cameras/${urlCamera.id}`, headers: as('admin'), payload: { tiling: 'whole+2x2' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<Camera>().tiling).toBe('whole+2x2');
    const unknown = await app.inject({ method: 'PATCH', url: `/api/cameras/${urlCamera.id}`, headers: as('admin'), payload: { tiling: 'whole+4x4' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ messageTh: expect.stringContaining('tiling') });
    const back = await app.inject({ method: 'PATCH', url: `/api/cameras/${urlCamera.id}`, headers: as('admin'), payload: { tiling: '2x1' } });
    expect(back.json<Camera>().tiling).toBe('2x1');
  });

  it('refuses an empty update and one that gives credentials twice, and changes nothing', async () => {
    const before = (await app.inject({ url: `/api/cameras/${urlCamera.id}`, headers: as('admin') })).body;
    const empty = await app.inject({ method: 'PATCH', url: `/api/cameras/${urlCamera.id}`, headers: as('admin'), payload: {} });
    expect(empty.statusCode).toBe(400);
    const twice = await app.inject({
      method: 'PATCH',
      url: `/api/cameras/${urlCamera.id}`,
      headers: as('admin'),
      payload: { rtspUrl: 'rtsp://a:b@127.0.0.1:9/cam1', rtspCredentials: { username: 'c', password: 'd' } },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ messageTh: expect.stringContaining('rtspCredentials') });
    expect((await app.inject({ url: `/api/cameras/${urlCamera.id}`, headers: as('admin') })).body).toBe(before);
  });

  it('moves the stream without asking for the password again, replaces it, and removes it with null', async () => {
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/cameras/${fieldCamera.id}`, headers: as('admin'), payload });
    const sealedNow = async () =>
      (await app.db.query<{ c: Buffer | null }>('SELECT rtsp_credentials AS c FROM cameras WHERE id = $1', [fieldCamera.id])).rows[0]!.c;
    const original = await sealedNow();
    expect((await patch({ rtspUrl: 'rtsp://127.0.0.1:9/cam2-moved' })).json<Camera>()).toMatchObject({ rtspCredentialsSet: true });
    expect((await sealedNow())!.equals(original!)).toBe(true);
    await patch({ rtspCredentials: { username: 'new-user', password: 'new-password' } });
    expect((await sealedNow())!.equals(original!)).toBe(false);
    expect((await patch({ rtspCredentials: null })).json<Camera>()).toMatchObject({ rtspCredentialsSet: false });
    expect(await sealedNow()).toBeNull();
  });
});

describe('credentials stored in URLs before they were sealed', () => {
  it('are moved out of the URL and sealed when the server starts', async () => {
    const legacy = await createTestSchema();
    const olderMigrations = await mkdtemp(path.join(tmpdir(), 'toc-migrations-'));
    for (const file of await readdir(MIGRATIONS_DIR)) {
      if (file < '010_') await cp(path.join(MIGRATIONS_DIR, file), path.join(olderMigrations, file));
    }
    const pool = createPool(legacy.databaseUrl, 1);
    let legacyApp: FastifyInstance | undefined;
    try {
      await applyMigrations(pool, olderMigrations);
      const inserted = await pool.query<{ id: number }>(
        `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url)
         VALUES ('old', 'เก่า', ST_SetSRID(ST_MakePoint(101, 13.7), 4326), 0, 60, $1) RETURNING id`,
        [`rtsp://${URL_USER}:${URL_PASSWORD}@10.0.0.9/old`],
      );
      legacyApp = await buildApp(testConfig(legacy.databaseUrl));
      const { rows } = await pool.query<{ rtsp_url: string; rtsp_credentials: Buffer | null }>('SELECT rtsp_url, rtsp_credentials FROM cameras');
      expect(rows[0]!.rtsp_url).toBe('rtsp://10.0.0.9/old');
      expect(rows[0]!.rtsp_credentials).not.toBeNull();
      const { streamUrl } = (await findStreamCamera(pool, inserted.rows[0]!.id, legacyApp.cameraKeys))!;
      expect(streamUrl).toBe(`rtsp://${URL_USER}:${URL_PASSWORD}@10.0.0.9/old`);
    } finally {
      await legacyApp?.close();
      await pool.end();
      await legacy.drop();
    }
  });
});

describe('a CAMERA_SECRET_KEY rotation', () => {
  it('opens credentials under the previous key and seals them again under the new one when the server starts', async () => {
    const rotated = await createTestSchema();
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const apps: FastifyInstance[] = [];
    const start = async (current: string, previous: string[] = []) => {
      const started = await buildApp(testConfig(rotated.databaseUrl, { cameraSecretKey: current, cameraSecretKeyPrevious: previous }));
      apps.push(started);
      return started;
    };
    try {
      const before = await start(oldKey);
      const { admin } = await roleTokens(before, ['admin']);
      const created = await before.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: { authorization: `Bearer ${admin}` },
        payload: cameraBody('rotated', `rtsp://${URL_USER}:${URL_PASSWORD}@127.0.0.1:9/rot`),
      });
      const id = created.json<Camera>().id;
      const sealedBefore = (await before.db.query<{ c: Buffer }>('SELECT rtsp_credentials AS c FROM cameras WHERE id = $1', [id])).rows[0]!.c;
      await before.close();

      // The new key alone cannot open them: the camera says why instead of running without its password.
      const withoutPrevious = await start(newKey);
      expect((await findStreamCamera(withoutPrevious.db, id, withoutPrevious.cameraKeys))!.credentialsError).toMatch(/CAMERA_SECRET_KEY/);
      await withoutPrevious.close();

      const during = await start(newKey, [oldKey]);
      const sealedAfter = (await during.db.query<{ c: Buffer }>('SELECT rtsp_credentials AS c FROM cameras WHERE id = $1', [id])).rows[0]!.c;
      expect(sealedAfter.equals(sealedBefore)).toBe(false);
      await during.close();

      // Once sealed again, the old key can go.
      const after = await start(newKey);
      const camera = (await findStreamCamera(after.db, id, after.cameraKeys))!;
      expect(camera.credentialsError).toBeNull();
      expect(camera.streamUrl).toBe(`rtsp://${URL_USER}:${URL_PASSWORD}@127.0.0.1:9/rot`);
    } finally {
      for (const started of apps) await started.close().catch(() => undefined);
      await rotated.drop();
    }
  });
});
