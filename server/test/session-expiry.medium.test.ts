// Medium: a session lasts SESSION_TTL_HOURS on the server's clock (pinned here), for the API and the socket handshake alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPinnedClockServer, type PinnedClockServer } from './pinned-clock-server';
import { roleTokens } from './role-tokens';

const HOUR_MS = 3_600_000;
/** 23:50 in Bangkok on New Year's Eve: the session runs across midnight into the new year. */
const SIGNED_IN_AT = Date.parse('2026-12-31T16:50:00Z');
let server: PinnedClockServer;

beforeAll(async () => {
  // The idle timeout is session-idle.medium.test.ts's subject: here the session sits unused up to its expiry.
  server = await startPinnedClockServer(SIGNED_IN_AT, { sessionTtlHours: 12, sessionIdleMinutes: 13 * 60 });
});

afterAll(async () => {
  await server?.close();
});

describe('session expiry', () => {
  it('keeps a session for 12 h on the server clock, across Bangkok midnight, then refuses it on the API and the socket', async () => {
    const { app, setClock, me, socketAccepts } = server;
    setClock(SIGNED_IN_AT);
    const { operator } = await roleTokens(app, ['operator']);
    const expiresAt = Date.parse((await app.db.query<{ e: Date }>('SELECT max(expires_at) AS e FROM sessions')).rows[0]!.e.toISOString());
    expect(expiresAt).toBe(SIGNED_IN_AT + 12 * HOUR_MS);

    setClock(SIGNED_IN_AT + 12 * HOUR_MS - 1000); // 11:49:59 on 1 January in Bangkok
    expect((await me(operator)).statusCode).toBe(200);
    expect(await socketAccepts(operator)).toBe(true);

    setClock(SIGNED_IN_AT + 12 * HOUR_MS);
    const refused = await me(operator);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ message: expect.any(String), messageTh: expect.any(String) });
    expect(await socketAccepts(operator)).toBe(false);
  });
});
