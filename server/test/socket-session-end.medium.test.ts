// Medium: an open socket lives no longer than its session. Logout and disabling the user close it on every server
// (announced through the real Redis to a second app), an expired session cannot ask for more, and a socket that sends
// nothing is closed by the periodic check; live frames come from a stand-in camera worker through the real relay.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../src/app';
import { encodeFrameRecord } from '../src/realtime/frame-record';
import { upsertUser } from '../src/repositories/users.repository';
import { hashPassword } from '../src/services/passwords';
import { hashToken } from '../src/services/auth.service';
import { disableUser } from '../src/services/session-end.service';
import {
  frameSourceKey,
  type ClientToServerEvents,
  type Event,
  type Role,
  type ServerToClientEvents,
} from '../src/schemas';
import { vehicleCountEvent } from './realtime-helpers';
import { createTestSchema, testConfig } from './test-env';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Probe {
  socket: Client;
  frames: number;
  events: Event[];
  /** Resolves with socket.io's reason when the connection closes. */
  closed: Promise<string>;
}

const CAMERA_ID = 7;
const HOUR_MS = 3_600_000;
let clockMs = Date.now();
const queuePrefix = `sessend-${randomBytes(4).toString('hex')}`;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
/** Two servers on the same database and Redis, as in a scaled-out deployment; C re-checks open sockets every 0.2 s. */
let appA: FastifyInstance;
let appB: FastifyInstance;
let appC: FastifyInstance;
const urls = new Map<FastifyInstance, string>();
const clients: Client[] = [];
let worker: { server: http.Server; openStreams: number };

const until = async (condition: () => boolean, what: string, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`${what}: not reached in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A camera worker's live endpoint: a frame record every 50 ms for as long as the server keeps the stream open. */
async function startWorker(): Promise<{
  server: http.Server;
  openStreams: number;
  url: string;
  token: string;
}> {
  const token = randomBytes(16).toString('hex');
  const state = { server: http.createServer(), openStreams: 0, url: '', token };
  state.server.on('request', (request, response) => {
    if (request.headers.authorization !== `Bearer ${token}`) return response.writeHead(401).end();
    state.openStreams++;
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const timer = setInterval(() => {
      const meta = { cameraId: CAMERA_ID, at: new Date().toISOString(), width: 4, height: 4, boxes: [] };
      response.write(encodeFrameRecord({ meta, jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) }));
    }, 50);
    response.on('close', () => {
      clearInterval(timer);
      state.openStreams--;
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

async function startApp(overrides: { socketSessionCheckSeconds?: number } = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix, ...overrides }), {
    now: () => new Date(clockMs),
  });
  urls.set(app, await app.listen({ host: '127.0.0.1', port: 0 }));
  return app;
}

async function signIn(username: string, role: Role = 'operator'): Promise<{ token: string; userId: number }> {
  const userId = await upsertUser(appA.db, {
    username,
    displayName: username,
    role,
    passwordHash: await hashPassword('pw'),
  });
  const reply = await appA.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'pw' },
  });
  expect(reply.statusCode).toBe(200);
  return { token: reply.json<{ token: string }>().token, userId };
}

function connect(app: FastifyInstance, token: string): Promise<Probe> {
  const socket: Client = io(urls.get(app)!, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  clients.push(socket);
  const probe: Probe = {
    socket,
    frames: 0,
    events: [],
    closed: new Promise((resolve) => socket.on('disconnect', (reason) => resolve(reason))),
  };
  socket.on('camera.frame', () => probe.frames++);
  socket.on('event', (event) => probe.events.push(event));
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(probe));
    socket.on('connect_error', reject);
  });
}

/** socket.io's reason for the close, or 'still open' after 5 s (a socket outliving its session fails fast). */
const closeOf = (probe: Probe): Promise<string> =>
  Promise.race([probe.closed, sleep(5000).then(() => 'still open')]);

async function watchFrames(probe: Probe): Promise<void> {
  expect(await probe.socket.emitWithAck('frames.watch', { cameraIds: [CAMERA_ID], maxFps: 5 })).toEqual({
    ok: true,
  });
  await until(() => probe.frames > 0, 'first live frame');
}

/** Whether a server still holds a socket on this session. */
const holdsSession = (app: FastifyInstance, token: string) =>
  [...app.io.of('/').sockets.values()].some(
    (socket) => socket.data.tokenHash === hashToken(token).toString('hex'),
  );

beforeAll(async () => {
  schema = await createTestSchema();
  appA = await startApp();
  appB = await startApp();
  appC = await startApp({ socketSessionCheckSeconds: 0.2 });
  const source = await startWorker();
  worker = source;
  await appA.redis.set(
    frameSourceKey(queuePrefix, CAMERA_ID),
    JSON.stringify({ url: source.url, token: source.token, workerId: 'stand-in' }),
  );
});

afterEach(() => {
  clockMs = Date.now();
  for (const socket of clients.splice(0)) socket.close();
});

afterAll(async () => {
  for (const socket of clients) socket.close();
  await appA?.redis.del(frameSourceKey(queuePrefix, CAMERA_ID));
  await Promise.all([appA?.close(), appB?.close(), appC?.close()]);
  await new Promise((resolve) => worker?.server.close(resolve));
  await schema?.drop();
});

describe('a socket ends with its session', () => {
  it('logout closes the sockets of that session on every server, their frames stop, other sessions stay', async () => {
    const first = await signIn('watcher');
    const second = await signIn('watcher');
    const onA = await connect(appA, first.token);
    const onB = await connect(appB, first.token);
    const otherSession = await connect(appA, second.token);
    await watchFrames(onA);
    await watchFrames(onB);
    expect(worker.openStreams).toBe(2); // one relay per server

    const logout = await fetch(`${urls.get(appA)}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(logout.status).toBe(204);

    // Closed by the servers (not by the client), on A directly and on B through the Redis announcement.
    expect(await closeOf(onA)).toBe('io server disconnect');
    expect(await closeOf(onB)).toBe('io server disconnect');
    expect(holdsSession(appA, first.token) || holdsSession(appB, first.token)).toBe(false);
    await until(() => worker.openStreams === 0, 'upstream frame streams released');
    const framesAtLogout = [onA.frames, onB.frames];
    const missed = await appA.eventStore.record(vehicleCountEvent(1));
    await until(() => otherSession.events.some((e) => e.id === missed.id), 'event on the other session');
    await sleep(300);
    expect([onA.frames, onB.frames]).toEqual(framesAtLogout);
    expect([...onA.events, ...onB.events].some((e) => e.id === missed.id)).toBe(false);

    // The same user's other session is untouched.
    expect(otherSession.socket.connected).toBe(true);
    expect(await otherSession.socket.emitWithAck('subscribe', { types: ['traffic.vehicles'] })).toEqual({
      ok: true,
    });
  });

  it('an expired session cannot ask for live frames: the message is refused and the socket closed', async () => {
    const { token } = await signIn('expiring', 'viewer');
    const probe = await connect(appA, token);
    expect(await probe.socket.emitWithAck('subscribe', { types: ['traffic.vehicles'] })).toEqual({
      ok: true,
    });

    clockMs += 13 * HOUR_MS; // past the 12 h session on the server's clock, with no logout
    const refused = await probe.socket.emitWithAck('frames.watch', { cameraIds: [CAMERA_ID] });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/session has ended/);
    expect(await closeOf(probe)).toBe('io server disconnect');
    await sleep(300);
    expect(probe.frames).toBe(0);
    expect(worker.openStreams).toBe(0);
  });

  it('disabling a user closes all of their sockets on every server; other users keep theirs', async () => {
    const admin = await signIn('chief', 'admin');
    const leaving = await signIn('leaving');
    const staying = await signIn('staying');
    const onA = await connect(appA, leaving.token);
    const onB = await connect(appB, leaving.token);
    const other = await connect(appB, staying.token);
    await watchFrames(onB);

    await disableUser(
      {
        db: appA.db,
        redis: appA.redis,
        channels: appA.channels,
        actor: { id: admin.userId, username: 'chief', displayName: 'chief', role: 'admin' },
        client: { ip: null, userAgent: null },
      },
      leaving.userId,
    );

    expect(await closeOf(onA)).toBe('io server disconnect');
    expect(await closeOf(onB)).toBe('io server disconnect');
    await until(() => worker.openStreams === 0, 'upstream frame stream released');
    expect(other.socket.connected).toBe(true);
    const relogin = await appA.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leaving', password: 'pw' },
    });
    expect(relogin.statusCode).toBe(401);
    const { rows } = await appA.db.query("SELECT target FROM audit_log WHERE action = 'user.disable'");
    expect(rows).toEqual([{ target: `user:${leaving.userId}` }]);
  });

  it('a silent socket is closed by the periodic check once its session expires, and the check is not activity', async () => {
    const { token } = await signIn('quiet', 'viewer');
    const lastSeen = async () =>
      (
        await appA.db.query<{ t: Date }>('SELECT last_seen_at AS t FROM sessions WHERE token_hash = $1', [
          hashToken(token),
        ])
      ).rows[0]!.t.getTime();
    const probe = await connect(appC, token);
    const seenAtConnect = await lastSeen();

    clockMs += 5 * 60_000; // later, within the idle limit: a lookup that counted as use would move last_seen_at
    await sleep(800); // several checks
    expect(probe.socket.connected).toBe(true);
    expect(await lastSeen()).toBe(seenAtConnect);

    clockMs += 13 * HOUR_MS;
    expect(await closeOf(probe)).toBe('io server disconnect');
  });
});
