// Medium: a temporary password gates the session (403 everywhere but /api/me, the password change and logout), and
// every role changes its own password under the policy and the login throttle, which ends its other sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import type { Role, TemporaryPasswordReply } from '../src/schemas';
import { rolePassword, roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const tokens: Partial<Record<Role, string>> = {};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const changeOwn = (token: string, currentPassword: string, newPassword: string) =>
  app.inject({
    method: 'POST',
    url: '/api/me/password',
    headers: bearer(token),
    payload: { currentPassword, newPassword },
  });
const me = (token: string) => app.inject({ url: '/api/me', headers: bearer(token) });

async function createUser(username: string, role: Role): Promise<string> {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: bearer(tokens.admin!),
    payload: {
      username,
      displayName: username,
      role,
      ...(role === 'police' ? { station: 'Khlong Khuean' } : {}),
    },
  });
  expect(reply.statusCode, reply.body).toBe(201);
  return reply.json<TemporaryPasswordReply>().temporaryPassword;
}

beforeAll(async () => {
  schema = await createTestSchema();
  // Three wrong passwords lock an account: the current-password check counts like a sign-in.
  app = await buildApp(testConfig(schema.databaseUrl, { loginMaxFailures: 3 }));
  Object.assign(tokens, await roleTokens(app, ['admin', 'operator', 'police', 'planner', 'viewer']));
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('a temporary password', () => {
  it('signs in, but the session may only read /api/me, change the password or sign out until it is changed', async () => {
    const temporary = await createUser('new.admin', 'admin');
    const signedIn = await login('new.admin', temporary);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({
      username: 'new.admin',
      role: 'admin',
      mustChangePassword: true,
    });
    const token = signedIn.json<{ token: string }>().token;

    expect((await me(token)).json()).toMatchObject({ username: 'new.admin', mustChangePassword: true });
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', '/api/cameras'],
      ['GET', '/api/events'],
      ['GET', '/api/walls'],
      ['POST', '/api/users'],
    ] as const) {
      const reply = await app.inject({
        method,
        url,
        headers: bearer(token),
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(reply.statusCode, `${method} ${url}`).toBe(403);
      expect(reply.json().message).toMatch(/change your temporary password/);
      expect(reply.json().messageTh).toContain('เปลี่ยนรหัสผ่านชั่วคราว');
    }

    expect((await changeOwn(token, temporary, 'lotus-anchor-meadow-26')).statusCode).toBe(204);
    expect((await me(token)).json()).toMatchObject({ mustChangePassword: false });
    expect((await app.inject({ url: '/api/users', headers: bearer(token) })).statusCode).toBe(200);
    expect((await login('new.admin', temporary)).statusCode).toBe(401);
    expect((await login('new.admin', 'lotus-anchor-meadow-26')).json().user.mustChangePassword).toBe(false);
  });

  it('may sign out before changing it', async () => {
    const temporary = await createUser('quits.early', 'viewer');
    const token = (await login('quits.early', temporary)).json<{ token: string }>().token;
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode,
    ).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('cannot be "changed" to itself', async () => {
    const temporary = await createUser('same.again', 'planner');
    const token = (await login('same.again', temporary)).json<{ token: string }>().token;
    const reply = await changeOwn(token, temporary, temporary);
    expect(reply.statusCode).toBe(400);
    expect(reply.json().message).toMatch(/must differ/);
    expect(reply.json().messageTh).toBeTruthy();
    expect((await me(token)).json().mustChangePassword).toBe(true);
  });
});

describe('changing one’s own password', () => {
  it.each(['admin', 'operator', 'police', 'planner', 'viewer'] as const)(
    'works for the %s role, audited, and ends that user’s other sessions, keeping the one that changed it',
    async (role) => {
      const other = (await login(role, rolePassword(role))).json<{ token: string }>().token;
      const chosen = `${role === 'admin' ? 'kettle' : 'harbour'}-saffron-violet-${role.length}${role.length}`;
      const reply = await changeOwn(tokens[role]!, rolePassword(role), chosen);
      expect(reply.statusCode, reply.body).toBe(204);
      expect((await me(tokens[role]!)).statusCode).toBe(200);
      expect((await me(other)).statusCode).toBe(401);
      expect((await login(role, rolePassword(role))).statusCode).toBe(401);
      expect((await login(role, chosen)).statusCode).toBe(200);
      const { rows } = await app.db.query(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password_change' AND username = $1",
        [role],
      );
      expect(rows[0].n).toBe(1);
    },
  );

  it('refuses a new password that breaks the policy, with every reason in English and Thai, changing nothing', async () => {
    const temporary = await createUser('somchai.k', 'viewer');
    const token = (await login('somchai.k', temporary)).json<{ token: string }>().token;
    for (const [candidate, english, thai] of [
      ['short-1', /at least 12 characters/, 'อย่างน้อย 12 ตัวอักษร'],
      ['i-am-somchai.k-2024', /must not contain the username/, 'ชื่อผู้ใช้'],
      ['iloveyou2024!!', /common password/, 'รหัสผ่านที่ใช้กันทั่วไป'],
      ['password', /at least 12 characters.*common password/, 'และ'],
    ] as const) {
      const reply = await changeOwn(token, temporary, candidate);
      expect(reply.statusCode, candidate).toBe(400);
      expect(reply.json().message, candidate).toMatch(english);
      expect(reply.json().messageTh, candidate).toContain(thai);
    }
    expect((await login('somchai.k', temporary)).statusCode).toBe(200);
  });

  it('needs the current password; wrong guesses are audited and count against the account like failed sign-ins', async () => {
    const temporary = await createUser('guessed.at', 'operator');
    const token = (await login('guessed.at', temporary)).json<{ token: string }>().token;
    for (let i = 0; i < 3; i++) {
      const wrong = await changeOwn(token, `not-it-${i}-xxxxxxxx`, 'lotus-anchor-meadow-26');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().message).toBe('The current password is not correct');
      expect(wrong.json().messageTh).toBe('รหัสผ่านปัจจุบันไม่ถูกต้อง');
    }
    const blocked = await changeOwn(token, temporary, 'lotus-anchor-meadow-26');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('guessed.at', temporary)).statusCode).toBe(429); // one account limit for both
    expect((await me(token)).statusCode).toBe(200); // the session itself is not ended by the guesses
    const { rows } = await app.db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password_change_failed' AND username = 'guessed.at'",
    );
    expect(rows[0].n).toBe(3);
  });

  it('refuses a malformed body with 400 and a reason', async () => {
    for (const payload of [
      {},
      { currentPassword: 'x' },
      { currentPassword: '', newPassword: 'lotus-anchor-meadow-26' },
      { currentPassword: 'a', newPassword: 'b', extra: 1 },
    ]) {
      const reply = await app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: bearer(tokens.viewer!),
        payload,
      });
      expect(reply.statusCode, JSON.stringify(payload)).toBe(400);
      expect(reply.json().messageTh).toBeTruthy();
    }
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/me/password',
          payload: { currentPassword: 'a', newPassword: 'b' },
        })
      ).statusCode,
    ).toBe(401);
  });
});
