// Medium: a session unused for SESSION_IDLE_MINUTES is refused like an expired one (API and socket handshake), while
// one in use stays; its use is written at most once a minute. The server's clock is pinned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPinnedClockServer, type PinnedClockServer } from './pinned-clock-server';
import { roleTokens } from './role-tokens';

const MINUTE_MS = 60_000;
const SIGNED_IN_AT = Date.parse('2027-03-02T14:00:00Z'); // 21:00 in Bangkok: a night shift begins
let server: PinnedClockServer;

beforeAll(async () => {
  server = await startPinnedClockServer(SIGNED_IN_AT, { sessionTtlHours: 12, sessionIdleMinutes: 30 });
});

afterAll(async () => {
  await server?.close();
});

const lastSeen = async (): Promise<number> =>
  (await server.app.db.query<{ t: Date }>('SELECT max(last_seen_at) AS t FROM sessions')).rows[0]!.t.getTime();

describe('session idle timeout', () => {
  it('keeps a session that is used within 30 min, long past 30 min from sign-in, and refuses it 30 min after its last use', async () => {
    const { app, setClock, clock, me, socketAccepts } = server;
    setClock(SIGNED_IN_AT);
    const { operator } = await roleTokens(app, ['operator']);
    expect(await lastSeen()).toBe(SIGNED_IN_AT);

    setClock(SIGNED_IN_AT + 29 * MINUTE_MS);
    expect((await me(operator)).statusCode).toBe(200);
    setClock(SIGNED_IN_AT + 58 * MINUTE_MS); // idle 58 min since sign-in, but 29 since its last use
    expect((await me(operator)).statusCode).toBe(200);
    expect(await lastSeen()).toBe(SIGNED_IN_AT + 58 * MINUTE_MS);

    // Used again within the minute: no write.
    setClock(SIGNED_IN_AT + 58 * MINUTE_MS + 30_000);
    expect((await me(operator)).statusCode).toBe(200);
    expect(await lastSeen()).toBe(SIGNED_IN_AT + 58 * MINUTE_MS);

    // The socket handshake is a use too.
    setClock(SIGNED_IN_AT + 87 * MINUTE_MS);
    expect(await socketAccepts(operator)).toBe(true);
    expect(await lastSeen()).toBe(SIGNED_IN_AT + 87 * MINUTE_MS);

    setClock(SIGNED_IN_AT + (87 + 30) * MINUTE_MS);
    const refused = await me(operator);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ message: expect.any(String), messageTh: expect.any(String) });
    expect(await socketAccepts(operator)).toBe(false);
    // Refused for good: a later request does not bring it back.
    setClock(clock() + MINUTE_MS);
    expect((await me(operator)).statusCode).toBe(401);
  });
});
