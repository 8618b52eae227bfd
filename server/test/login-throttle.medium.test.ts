// Medium: sign-in attempts are counted before the password is checked (per account, per address, overall), lockouts
// double, and the counts live under the deployment's Redis prefix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { upsertUser } from '../src/repositories/users.repository';
import { hashPassword } from '../src/services/passwords';
import { createTestSchema, testConfig } from './test-env';

const PASSWORD = 'right-horse-battery';
let clockMs = Date.parse('2027-01-01T01:00:00Z');
let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const limits = {
  loginMaxFailures: 3,
  loginMaxFailuresPerAddress: 6,
  loginMaxFailuresGlobal: 1000,
  loginWindowSeconds: 900,
  loginLockoutSeconds: 60,
  loginLockoutMaxSeconds: 200,
};

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, limits), { now: () => new Date(clockMs) });
  for (const username of ['admin', 'planner']) {
    await upsertUser(app.db, { username, displayName: username, role: 'admin', passwordHash: await hashPassword(PASSWORD) });
  }
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

const signIn = (target: FastifyInstance, username: string, password: string, remoteAddress: string) =>
  target.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

async function auditCounts(username: string): Promise<Record<string, number>> {
  const { rows } = await app.db.query<{ action: string; n: number }>(
    'SELECT action, count(*)::int AS n FROM audit_log WHERE username = $1 GROUP BY action',
    [username],
  );
  return Object.fromEntries(rows.map((r) => [r.action, r.n]));
}

describe('login throttle', () => {
  it('checks at most the limit of 15 parallel wrong guesses, then refuses the right password while locked', async () => {
    const replies = await Promise.all(Array.from({ length: 15 }, (_, i) => signIn(app, 'admin', `guess-${i}`, '198.51.100.1')));
    const statuses = replies.map((r) => r.statusCode);
    const checked = statuses.filter((s) => s === 401).length;
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(limits.loginMaxFailures);
    // Each checked guess is one audit row; each refused one too, and it was never checked.
    expect(await auditCounts('admin')).toEqual({ 'auth.login_failed': checked, 'auth.login_blocked': 15 - checked, 'auth.login_lockout': 1 });
    const refused = replies.find((r) => r.statusCode === 429)!;
    expect(refused.json()).toMatchObject({ message: expect.stringMatching(/try again/), messageTh: expect.stringMatching(/ลองใหม่/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // Until the lockout ends every guess is refused unchecked; so is the right password.
    expect((await signIn(app, 'admin', 'late-guess', '198.51.100.1')).statusCode).toBe(429);
    const right = await signIn(app, 'admin', PASSWORD, '198.51.100.1');
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBe(limits.loginLockoutSeconds);
    expect(right.headers['set-cookie']).toBeUndefined();
    expect((await app.db.query('SELECT count(*)::int AS n FROM sessions')).rows[0].n).toBe(0);
    expect((await auditCounts('admin'))['auth.login_failed']).toBe(checked);

    clockMs += (limits.loginLockoutSeconds + 1) * 1000;
    expect((await signIn(app, 'admin', PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });

  it('clears the account count on a successful sign-in', async () => {
    const tries = async (n: number) => {
      const statuses = [];
      for (let i = 0; i < n; i++) statuses.push((await signIn(app, 'planner', 'wrong', '198.51.100.2')).statusCode);
      return statuses;
    };
    expect(await tries(2)).toEqual([401, 401]);
    expect((await signIn(app, 'planner', PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    // Without the reset the third failure overall would lock the account.
    expect(await tries(2)).toEqual([401, 401]);
    expect(await tries(2)).toEqual([401, 429]);
  });

  it('limits one client address across usernames, and only that address', async () => {
    for (let i = 0; i < limits.loginMaxFailuresPerAddress; i++) {
      expect((await signIn(app, `sprayed-${i}`, 'password1', '203.0.113.9')).statusCode).toBe(401);
    }
    expect((await signIn(app, 'sprayed-next', 'password1', '203.0.113.9')).statusCode).toBe(429);
    expect((await signIn(app, 'admin', PASSWORD, '203.0.113.9')).statusCode).toBe(429);
    const { rows } = await app.db.query(`SELECT detail FROM audit_log WHERE username = 'sprayed-next' AND action = 'auth.login_blocked'`);
    expect(rows[0].detail).toMatchObject({ scope: 'address', reason: 'locked' });
    // The same names from elsewhere are still checked.
    expect((await signIn(app, 'sprayed-next', 'password1', '203.0.113.10')).statusCode).toBe(401);
    expect((await signIn(app, 'admin', PASSWORD, '203.0.113.10')).statusCode).toBe(200);
  });

  it('doubles each further lockout of an account, up to the longest', async () => {
    const retryAfters: number[] = [];
    for (const round of [1, 2, 3]) {
      const address = `192.0.2.${round}`; // a fresh address each round: only the account's backoff is at stake
      for (let i = 0; i < limits.loginMaxFailures; i++) expect((await signIn(app, 'ghost', 'wrong', address)).statusCode).toBe(401);
      const refused = await signIn(app, 'ghost', 'wrong', address);
      expect(refused.statusCode).toBe(429);
      retryAfters.push(Number(refused.headers['retry-after']));
      clockMs += (retryAfters.at(-1)! + 1) * 1000;
    }
    expect(retryAfters).toEqual([60, 120, 200]);
  });

  it("keeps its counts under the deployment's Redis prefix, and has a ceiling over all accounts and addresses", async () => {
    // A second deployment on the same Redis (another test file, say) with its own prefix and a tiny global ceiling.
    const other = await buildApp(testConfig(schema.databaseUrl, { ...limits, queuePrefix: `${schema.schema}_other`, loginMaxFailuresGlobal: 3 }), {
      now: () => new Date(clockMs),
    });
    try {
      clockMs += 1000;
      // 'admin' is locked out of the first deployment by wrong guesses...
      for (let i = 0; i < limits.loginMaxFailures; i++) await signIn(app, 'admin', 'wrong', `198.51.100.${20 + i}`);
      expect((await signIn(app, 'admin', PASSWORD, '198.51.100.30')).statusCode).toBe(429);
      // ...and not out of the other one.
      expect((await signIn(other, 'admin', PASSWORD, '198.51.100.30')).statusCode).toBe(200);

      for (let i = 0; i < 3; i++) expect((await signIn(other, `user-${i}`, 'wrong', `100.64.0.${i}`)).statusCode).toBe(401);
      const refused = await signIn(other, 'planner', PASSWORD, '100.64.0.99');
      expect(refused.statusCode).toBe(429);
      const { rows } = await app.db.query(
        `SELECT detail FROM audit_log WHERE username = 'planner' AND action = 'auth.login_blocked' ORDER BY id DESC LIMIT 1`,
      );
      expect(rows[0].detail).toMatchObject({ scope: 'global' });
    } finally {
      await other.close();
    }
  });
});
