// Medium: events reach socket.io clients through Redis, and a client that reconnects gets what it missed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../src/app';
import { upsertUser } from '../src/repositories/users.repository';
import { hashPassword } from '../src/services/passwords';
import type { ClientToServerEvents, Event, ServerToClientEvents } from '../src/schemas';
import { until, vehicleCountEvent } from './realtime-helpers';
import { createTestSchema, testConfig } from './test-env';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let baseUrl: string;
let token: string;

function connect(auth: { token?: string; lastSeq?: number }): Promise<{ socket: Client; received: Event[] }> {
  const received: Event[] = [];
  const socket: Client = io(baseUrl, { auth, transports: ['websocket'], reconnection: false });
  socket.on('event', (event) => received.push(event));
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve({ socket, received }));
    socket.on('connect_error', reject);
  });
}

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await upsertUser(app.db, {
    username: 'viewer',
    displayName: 'V',
    role: 'viewer',
    passwordHash: await hashPassword('pw'),
  });
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'viewer', password: 'pw' }),
  });
  token = ((await login.json()) as { token: string }).token;
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('realtime', () => {
  it('refuses a connection without a valid session', async () => {
    await expect(connect({ token: 'forged' })).rejects.toThrow(/unauthorized/);
    await expect(connect({})).rejects.toThrow(/unauthorized/);
  });

  it('pushes a recorded event, then replays what a client missed while away', async () => {
    const first = await connect({ token });
    const live = await app.eventStore.record(vehicleCountEvent(1));
    await until(() => first.received.some((e) => e.id === live.id));
    const lastSeq = Math.max(...first.received.map((e) => e.seq));
    first.socket.close();

    const missed = [
      await app.eventStore.record(vehicleCountEvent(2)),
      await app.eventStore.record(vehicleCountEvent(3)),
    ];

    const second = await connect({ token, lastSeq });
    await until(() => second.received.length >= 2);
    expect(second.received.map((e) => e.id)).toEqual(missed.map((e) => e.id));
    expect(second.received.every((e) => e.seq > lastSeq)).toBe(true);
    second.socket.close();
  });

  it('validates socket messages against their schema', async () => {
    const { socket, received } = await connect({ token });
    const bad = await socket.emitWithAck('subscribe', { types: ['traffic.teleport'] } as never);
    expect(bad).toMatchObject({ ok: false });
    expect(bad.error).toMatch(/^invalid subscribe: .+ \/ ข้อมูล subscribe ไม่ถูกต้อง/);
    // A NUL is refused at the door, whatever the message (PostgreSQL could not store it, logs would be cut at it).
    const nul = await socket.emitWithAck('stops.watch', { stops: [{ feedId: 1, stopId: 'a\u0000b' }] });
    expect(nul).toEqual({
      ok: false,
      error: expect.stringMatching(/\/stops\/0\/stopId contains a NUL character \/ .*อักขระ NUL/),
    });
    expect(await socket.emitWithAck('subscribe', { types: ['crowd.alert'] })).toEqual({ ok: true });
    const ignored = await app.eventStore.record(vehicleCountEvent(4));
    const resumed = await socket.emitWithAck('resume', { lastSeq: ignored.seq - 1 });
    expect(resumed).toEqual({ ok: true, count: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(received.find((e) => e.id === ignored.id)).toBeUndefined();
    socket.close();
  });

  it('refuses a message the role may not send, with the reason in English and Thai', async () => {
    await upsertUser(app.db, {
      username: 'planner',
      displayName: 'P',
      role: 'planner',
      passwordHash: await hashPassword('pw'),
    });
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'planner', password: 'pw' }),
    });
    const { socket } = await connect({ token: ((await login.json()) as { token: string }).token });
    const refused = await socket.emitWithAck('frames.watch', { cameraIds: [1] } as never);
    expect(refused).toEqual({
      ok: false,
      error: 'frames.watch is not allowed for the planner role / บทบาท planner ไม่มีสิทธิ์ใช้ frames.watch',
    });
    socket.close();
  });
});
