// Medium: a session lasts SESSION_TTL_HOURS on the server's clock (pinned here), for the API and the socket handshake alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io } from 'socket.io-client';
import { buildApp } from '../src/app';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

const HOUR_MS = 3_600_000;
/** 23:50 in Bangkok on New Year's Eve: the session runs across midnight into the new year. */
const SIGNED_IN_AT = Date.parse('2026-12-31T16:50:00Z');
let clockMs = SIGNED_IN_AT;
let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let baseUrl: string;

beforeAll(async () => {
  schema = await createTestSchema();
  // The idle timeout is session-idle.medium.test.ts's subject: here the session sits unused up to its expiry.
  const config = testConfig(schema.databaseUrl, { sessionTtlHours: 12, sessionIdleMinutes: 13 * 60 });
  app = await buildApp(config, { now: () => new Date(clockMs) });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

const me = (token: string) => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });

/** Whether the socket handshake takes the token now. */
const socketAccepts = (token: string) =>
  new Promise<boolean>((resolve) => {
    const socket = io(baseUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.on('connect', () => (socket.close(), resolve(true)));
    socket.on('connect_error', () => (socket.close(), resolve(false)));
  });

describe('session expiry', () => {
  it('keeps a session for 12 h on the server clock, across Bangkok midnight, then refuses it on the API and the socket', async () => {
    clockMs = SIGNED_IN_AT;
    const { operator } = await roleTokens(app, ['operator']);
    const expiresAt = Date.parse((await app.db.query<{ e: Date }>('SELECT max(expires_at) AS e FROM sessions')).rows[0]!.e.toISOString());
    expect(expiresAt).toBe(SIGNED_IN_AT + 12 * HOUR_MS);

    clockMs = SIGNED_IN_AT + 12 * HOUR_MS - 1000; // 11:49:59 on 1 January in Bangkok
    expect((await me(operator)).statusCode).toBe(200);
    expect(await socketAccepts(operator)).toBe(true);

    clockMs = SIGNED_IN_AT + 12 * HOUR_MS;
    const refused = await me(operator);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ message: expect.any(String), messageTh: expect.any(String) });
    expect(await socketAccepts(operator)).toBe(false);
  });
});
