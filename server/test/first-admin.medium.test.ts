// Medium: first users of a deployment — `npm run user:create-admin` and the seed outside demo mode give temporary
// passwords (must change at first sign-in), while the demo seed (TOC_DEMO=1, `npm start`) keeps its passwords usable.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { REPO_ROOT } from '../src/config';
import { seedDemo } from '../src/db/seed';
import { createTestSchema, testConfig } from './test-env';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let app: FastifyInstance;

/** The CLI's exit code and output (a non-zero exit is returned, not thrown). */
async function createAdmin(args: string[], extraEnv: Record<string, string> = {}) {
  const { TOC_ADMIN_PASSWORD: _inherited, ...inherited } = process.env;
  const env = { ...inherited, DATABASE_URL: schema.databaseUrl, ...extraEnv };
  try {
    const { stdout, stderr } = await run(TSX, ['server/src/db/create-admin.cli.ts', ...args], {
      cwd: REPO_ROOT,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

const DEMO_PASSWORDS = {
  admin: 'demo-a-7Qx2',
  operator: 'demo-o-7Qx2',
  police: 'demo-p-7Qx2',
  planner: 'demo-l-7Qx2',
  viewer: 'demo-v-7Qx2',
};

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl));
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('npm run user:create-admin', () => {
  it('creates an admin with a printed temporary password that must be changed at first sign-in', async () => {
    const created = await createAdmin(['--username', 'chief', '--display-name', 'Chief / หัวหน้า']);
    expect(created.code, created.stderr).toBe(0);
    const password = /Temporary password.*: (\S+)/.exec(created.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const signedIn = await login('chief', password!);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({
      username: 'chief',
      role: 'admin',
      displayName: 'Chief / หัวหน้า',
      mustChangePassword: true,
    });

    const again = await createAdmin(['--username', 'chief']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already taken/);
  });

  it('takes TOC_ADMIN_PASSWORD only when the password policy accepts it, and does not print it', async () => {
    const weak = await createAdmin(['--username', 'deputy'], { TOC_ADMIN_PASSWORD: 'deputy2024' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/at least 12 characters/);
    expect(weak.stderr).toMatch(/ชื่อผู้ใช้/);
    expect((await login('deputy', 'deputy2024')).statusCode).toBe(401);

    const given = await createAdmin(['--username', 'deputy'], {
      TOC_ADMIN_PASSWORD: 'tamarind-velvet-copper-19',
    });
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).not.toContain('tamarind-velvet-copper-19');
    expect((await login('deputy', 'tamarind-velvet-copper-19')).json().user.mustChangePassword).toBe(true);
  });
});

describe('the seed', () => {
  const options = (demo: boolean, passwords = DEMO_PASSWORDS) => ({
    rtspBase: 'rtsp://127.0.0.1:8554',
    sharedDir: app.config.sharedDir,
    passwords,
    trapKey: 'seed-test-trap-key',
    demo,
  });

  it('outside demo mode creates missing users with temporary passwords and leaves existing ones alone', async () => {
    await seedDemo(app.db, options(false));
    const first = await login('operator', DEMO_PASSWORDS.operator);
    expect(first.json().user).toMatchObject({ role: 'operator', mustChangePassword: true });
    const token = first.json<{ token: string }>().token;
    const changed = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: DEMO_PASSWORDS.operator, newPassword: 'lotus-anchor-meadow-26' },
    });
    expect(changed.statusCode).toBe(204);

    // Seeding again (an upgrade, a restart) neither resets the changed password nor asks for a change again.
    await seedDemo(app.db, options(false, { ...DEMO_PASSWORDS, operator: 'something-else-entirely' }));
    expect((await login('operator', 'lotus-anchor-meadow-26')).json().user.mustChangePassword).toBe(false);
    const seededAdmin = (await login('admin', DEMO_PASSWORDS.admin)).json<{ token: string }>().token;
    const users = await app.inject({
      url: '/api/users',
      headers: { authorization: `Bearer ${seededAdmin}` },
    });
    expect(users.statusCode).toBe(403); // the seeded admin must change their password first, too
  });

  it('in demo mode (npm start) resets the demo users to the generated passwords, usable at once', async () => {
    await seedDemo(app.db, options(true));
    for (const [username, password] of Object.entries(DEMO_PASSWORDS)) {
      const reply = await login(username, password);
      expect(reply.statusCode, username).toBe(200);
      expect(reply.json().user.mustChangePassword, username).toBe(false);
    }
    const admin = (await login('admin', DEMO_PASSWORDS.admin)).json<{ token: string }>().token;
    const users = await app.inject({ url: '/api/users', headers: { authorization: `Bearer ${admin}` } });
    expect(users.json().find((u: { username: string }) => u.username === 'police')).toMatchObject({
      station: expect.stringContaining('Police Station'),
    });
  });
});
