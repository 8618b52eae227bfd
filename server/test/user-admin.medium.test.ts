// Medium: user administration on real PostGIS and Redis — list (no hashes), create, change, disable/enable, reset, each
// audited; only admins; the last enabled admin kept; password policy refusals; and ending access closes open sockets.
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../src/app';
import type { ManagedUser, NewUserBody, Role, TemporaryPasswordReply } from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let baseUrl: string;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const tokens: Partial<Record<Role, string>> = {};
const sockets: Socket[] = [];
const NON_ADMINS = ['operator', 'police', 'planner', 'viewer'] as const;
const STATION = 'Bang Pakong Police Station / สถานีตำรวจภูธรบางปะกง';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload }) });

async function create(body: NewUserBody): Promise<TemporaryPasswordReply> {
  const reply = await call('POST', '/api/users', tokens.admin!, body);
  expect(reply.statusCode, reply.body).toBe(201);
  return reply.json();
}

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

/** Signs the new user in with the temporary password and replaces it; the token of that session. */
async function activate(
  username: string,
  temporary: string,
  chosen = 'orchid-lantern-river-58',
): Promise<string> {
  const signedIn = await login(username, temporary);
  expect(signedIn.statusCode).toBe(200);
  const token = signedIn.json<{ token: string }>().token;
  const changed = await call('POST', '/api/me/password', token, {
    currentPassword: temporary,
    newPassword: chosen,
  });
  expect(changed.statusCode, changed.body).toBe(204);
  return token;
}

const me = (token: string) => app.inject({ url: '/api/me', headers: bearer(token) });
const auditOf = async (userId: number) =>
  (
    await app.db.query<{ action: string; username: string }>(
      'SELECT action, username FROM audit_log WHERE target = $1 ORDER BY id',
      [`user:${userId}`],
    )
  ).rows;

function connect(token: string): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = io(baseUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const closed = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve({ socket, closed }));
    socket.on('connect_error', reject);
  });
}

/** socket.io's reason for the close, or 'still open' after 5 s. */
const closeOf = (closed: Promise<string>) =>
  Promise.race([closed, new Promise<string>((r) => setTimeout(() => r('still open'), 5000))]);

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl));
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  expect((app.server.address() as AddressInfo).port).toBeGreaterThan(0);
  Object.assign(tokens, await roleTokens(app, ['admin', ...NON_ADMINS]));
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('user administration', () => {
  it('lists users for admins, never with a password hash', async () => {
    const reply = await call('GET', '/api/users', tokens.admin!);
    expect(reply.statusCode).toBe(200);
    const listed = reply.json<ManagedUser[]>();
    expect(listed.map((u) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'operator', 'police', 'planner', 'viewer']),
    );
    expect(listed[0]).toEqual({
      id: expect.any(Number),
      username: 'admin',
      displayName: 'admin',
      role: 'admin',
      station: null,
      districts: null,
      disabled: false,
      mustChangePassword: false,
      createdAt: expect.any(String),
      passwordChangedAt: null,
    });
    expect(reply.body).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it('refuses every operation to the other roles and to no session, changing nothing', async () => {
    const { user } = await create({ username: 'target.one', displayName: 'Target', role: 'viewer' });
    const attempts = [
      ['GET', '/api/users', undefined],
      ['POST', '/api/users', { username: 'sneaky', displayName: 'S', role: 'admin' }],
      ['PATCH', `/api/users/${user.id}`, { role: 'admin' }],
      ['POST', `/api/users/${user.id}/disable`, undefined],
      ['POST', `/api/users/${user.id}/enable`, undefined],
      ['POST', `/api/users/${user.id}/password`, {}],
    ] as const;
    for (const [method, url, payload] of attempts) {
      for (const role of NON_ADMINS) {
        const reply = await call(method, url, tokens[role]!, payload);
        expect(reply.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(reply.json().messageTh).toBeTruthy();
      }
      const anonymous = await app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
      expect(anonymous.statusCode, `anonymous ${method} ${url}`).toBe(401);
    }
    const after = (await call('GET', '/api/users', tokens.admin!)).json<ManagedUser[]>();
    expect(after.find((u) => u.id === user.id)).toEqual(user);
    expect(after.some((u) => u.username === 'sneaky')).toBe(false);
  });

  it('creates a police officer with their station and a generated temporary password, audited', async () => {
    const { user, temporaryPassword } = await create({
      username: 'sgt.somsak',
      displayName: 'ร.ต.ท. สมศักดิ์',
      role: 'police',
      station: STATION,
    });
    expect(user).toMatchObject({
      username: 'sgt.somsak',
      role: 'police',
      station: STATION,
      districts: null,
      mustChangePassword: true,
      disabled: false,
    });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const signedIn = await login('sgt.somsak', temporaryPassword);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({
      username: 'sgt.somsak',
      role: 'police',
      mustChangePassword: true,
    });
    expect(await auditOf(user.id)).toEqual([{ action: 'user.create', username: 'admin' }]);
    const detail = (
      await app.db.query("SELECT detail FROM audit_log WHERE action = 'user.create' AND target = $1", [
        `user:${user.id}`,
      ])
    ).rows[0].detail;
    expect(JSON.stringify(detail)).not.toContain(temporaryPassword);
  });

  it('stores and returns an operator’s districts; refuses districts or a station for roles without them', async () => {
    const { user } = await create({
      username: 'op.east',
      displayName: 'East desk',
      role: 'operator',
      districts: ['TH2410', 'TH2406'],
    });
    expect(user.districts).toEqual(['TH2406', 'TH2410']);
    const bad = [
      { username: 'no.station', displayName: 'X', role: 'police' },
      { username: 'planner.x', displayName: 'X', role: 'planner', districts: ['TH2401'] },
      { username: 'viewer.x', displayName: 'X', role: 'viewer', station: STATION },
      { username: 'op.bad', displayName: 'X', role: 'operator', districts: ['Mueang'] },
      { username: 'Upper.Case', displayName: 'X', role: 'viewer' },
      { username: 'ab', displayName: 'X', role: 'viewer' },
      { username: 'blank.name', displayName: '   ', role: 'viewer' },
    ];
    for (const body of bad) {
      const reply = await call('POST', '/api/users', tokens.admin!, body);
      expect(reply.statusCode, JSON.stringify(body)).toBe(400);
      expect(reply.json().messageTh).toBeTruthy();
    }
    const names = (await call('GET', '/api/users', tokens.admin!))
      .json<ManagedUser[]>()
      .map((u) => u.username);
    expect(names.filter((n) => bad.some((b) => b.username === n))).toEqual([]);
  });

  it('refuses a taken username with 409 and keeps the existing user', async () => {
    const reply = await call('POST', '/api/users', tokens.admin!, {
      username: 'operator',
      displayName: 'Impostor',
      role: 'admin',
    });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().messageTh).toContain('operator');
    expect((await me(tokens.operator!)).json()).toMatchObject({ username: 'operator', role: 'operator' });
  });

  it('refuses an admin-set temporary password that breaks the policy, naming each reason in English and Thai', async () => {
    const cases = [
      ['Sh0rt!pass', /at least 12 characters/, 'อย่างน้อย 12 ตัวอักษร'],
      ['xx-new.clerk-river-44', /username/, 'ชื่อผู้ใช้'],
      ['Password2024!', /common password/, 'รหัสผ่านที่ใช้กันทั่วไป'],
    ] as const;
    for (const [temporaryPassword, english, thai] of cases) {
      const reply = await call('POST', '/api/users', tokens.admin!, {
        username: 'new.clerk',
        displayName: 'Clerk',
        role: 'viewer',
        temporaryPassword,
      });
      expect(reply.statusCode).toBe(400);
      expect(reply.json().message).toMatch(english);
      expect(reply.json().messageTh).toContain(thai);
    }
    expect((await login('new.clerk', 'Password2024!')).statusCode).toBe(401);
    const { temporaryPassword } = await create({
      username: 'new.clerk',
      displayName: 'Clerk',
      role: 'viewer',
      temporaryPassword: 'basket-ferry-comet-31',
    });
    expect(temporaryPassword).toBe('basket-ferry-comet-31');
  });

  it('changes the display name without ending sessions, and a role change ends them, audited with what changed', async () => {
    const { user, temporaryPassword } = await create({
      username: 'pat.planner',
      displayName: 'Pat',
      role: 'planner',
    });
    const token = await activate('pat.planner', temporaryPassword);

    const renamed = await call('PATCH', `/api/users/${user.id}`, tokens.admin!, { displayName: 'Pat K.' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: 'Pat K.', role: 'planner' });
    expect((await me(token)).statusCode).toBe(200);

    const promoted = await call('PATCH', `/api/users/${user.id}`, tokens.admin!, {
      role: 'police',
      station: STATION,
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'police', station: STATION });
    expect((await me(token)).statusCode).toBe(401);

    const station = await call('PATCH', `/api/users/${user.id}`, tokens.admin!, {
      station: 'Phanom Sarakham Police Station',
    });
    expect(station.json().station).toBe('Phanom Sarakham Police Station');
    const back = await call('PATCH', `/api/users/${user.id}`, tokens.admin!, { role: 'planner' });
    expect(back.json()).toMatchObject({ role: 'planner', station: null });

    expect((await call('PATCH', `/api/users/${user.id}`, tokens.admin!, {})).statusCode).toBe(400);
    expect(
      (await call('PATCH', `/api/users/${user.id}`, tokens.admin!, { role: 'superuser' })).statusCode,
    ).toBe(400);
    expect(
      (await call('PATCH', '/api/users/999999', tokens.admin!, { displayName: 'Ghost' })).statusCode,
    ).toBe(404);

    const { rows } = await app.db.query(
      "SELECT detail FROM audit_log WHERE action = 'user.update' AND target = $1 ORDER BY id",
      [`user:${user.id}`],
    );
    expect(rows.map((r) => Object.keys(r.detail.changes))).toEqual([
      ['displayName'],
      ['role', 'station'],
      ['station'],
      ['role', 'station'],
    ]);
  });

  it('disables a user: their session ends, sign-in is refused; enabling lets them back in', async () => {
    const { user, temporaryPassword } = await create({
      username: 'leaving.soon',
      displayName: 'Leaving',
      role: 'viewer',
    });
    const token = await activate('leaving.soon', temporaryPassword);

    const disabled = await call('POST', `/api/users/${user.id}/disable`, tokens.admin!);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: user.id, disabled: true });
    expect((await me(token)).statusCode).toBe(401);
    expect((await login('leaving.soon', 'orchid-lantern-river-58')).statusCode).toBe(401);

    const enabled = await call('POST', `/api/users/${user.id}/enable`, tokens.admin!);
    expect(enabled.json()).toMatchObject({ id: user.id, disabled: false });
    expect((await login('leaving.soon', 'orchid-lantern-river-58')).statusCode).toBe(200);
    expect((await call('POST', '/api/users/999999/disable', tokens.admin!)).statusCode).toBe(404);
    expect((await auditOf(user.id)).map((r) => r.action)).toEqual([
      'user.create',
      'user.password_change',
      'user.disable',
      'user.enable',
    ]);
  });

  it('resets a password: old sessions and the old password stop, the temporary one must be changed', async () => {
    const { user, temporaryPassword: first } = await create({
      username: 'forgetful',
      displayName: 'Forgetful',
      role: 'operator',
    });
    const token = await activate('forgetful', first, 'mango-harbour-violet-73');

    const reset = await call('POST', `/api/users/${user.id}/password`, tokens.admin!, {});
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword, user: after } = reset.json<TemporaryPasswordReply>();
    expect(after.mustChangePassword).toBe(true);
    expect((await me(token)).statusCode).toBe(401);
    expect((await login('forgetful', 'mango-harbour-violet-73')).statusCode).toBe(401);
    const signedIn = await login('forgetful', temporaryPassword);
    expect(signedIn.json().user.mustChangePassword).toBe(true);

    const chosen = await call('POST', `/api/users/${user.id}/password`, tokens.admin!, {
      temporaryPassword: 'qwerty123456',
    });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json().message).toMatch(/common password/);
    expect((await login('forgetful', temporaryPassword)).statusCode).toBe(200); // the refused reset changed nothing
    expect((await call('POST', '/api/users/999999/password', tokens.admin!, {})).statusCode).toBe(404);
    expect((await auditOf(user.id)).map((r) => r.action)).toEqual([
      'user.create',
      'user.password_change',
      'user.password_reset',
    ]);
  });

  it('keeps the last enabled admin: no disabling or demoting themself (409), but a second admin makes it possible', async () => {
    const adminId = (await me(tokens.admin!)).json().id as number;
    for (const [url, payload, reason] of [
      [`/api/users/${adminId}/disable`, undefined, /Cannot disable the last enabled administrator/],
      [
        `/api/users/${adminId}`,
        { role: 'operator' },
        /Cannot change the role of the last enabled administrator/,
      ],
    ] as const) {
      const reply = await call(payload ? 'PATCH' : 'POST', url, tokens.admin!, payload);
      expect(reply.statusCode).toBe(409);
      expect(reply.json().message).toMatch(reason);
      expect(reply.json().messageTh).toContain('ผู้ดูแลระบบคนสุดท้าย');
    }
    expect((await me(tokens.admin!)).json()).toMatchObject({ role: 'admin' });
    expect((await auditOf(adminId)).map((r) => r.action)).toEqual([]);

    // A disabled admin does not count: with the other admin disabled, the guard holds again.
    const { user: second, temporaryPassword } = await create({
      username: 'deputy.admin',
      displayName: 'Deputy',
      role: 'admin',
    });
    await activate('deputy.admin', temporaryPassword);
    expect((await call('POST', `/api/users/${second.id}/disable`, tokens.admin!)).statusCode).toBe(200);
    expect((await call('POST', `/api/users/${adminId}/disable`, tokens.admin!)).statusCode).toBe(409);
    expect((await call('POST', `/api/users/${second.id}/enable`, tokens.admin!)).statusCode).toBe(200);

    // With a second enabled admin the first may step down; then the deputy is the last one and is kept.
    const deputy = (await login('deputy.admin', 'orchid-lantern-river-58')).json().token as string;
    expect(
      (await call('PATCH', `/api/users/${adminId}`, tokens.admin!, { role: 'operator' })).statusCode,
    ).toBe(200);
    expect((await me(tokens.admin!)).statusCode).toBe(401); // the role change ended the old admin's session
    expect((await call('POST', `/api/users/${second.id}/disable`, deputy)).statusCode).toBe(409);
    expect((await call('PATCH', `/api/users/${second.id}`, deputy, { role: 'viewer' })).statusCode).toBe(409);
    expect((await me(deputy)).json()).toMatchObject({ username: 'deputy.admin', role: 'admin' });

    // The first admin back, signed in again, for the tests after this one.
    expect((await call('PATCH', `/api/users/${adminId}`, deputy, { role: 'admin' })).statusCode).toBe(200);
    Object.assign(tokens, await roleTokens(app, ['admin']));
  });
});

describe('ending access closes open sockets', () => {
  const endings = {
    disable: (id: number) => call('POST', `/api/users/${id}/disable`, tokens.admin!),
    'password-reset': (id: number) => call('POST', `/api/users/${id}/password`, tokens.admin!, {}),
    'role-change': (id: number) => call('PATCH', `/api/users/${id}`, tokens.admin!, { role: 'planner' }),
  };

  it.each(Object.keys(endings) as (keyof typeof endings)[])(
    '%s closes the user’s open socket at once; another user’s stays',
    async (ending) => {
      const username = `watcher.${ending}`;
      const { user, temporaryPassword } = await create({ username, displayName: 'Watcher', role: 'viewer' });
      const token = await activate(username, temporaryPassword);
      const bystander = await connect(tokens.viewer!);
      const probe = await connect(token);
      expect(await probe.socket.emitWithAck('subscribe', { types: ['traffic.vehicles'] })).toEqual({
        ok: true,
      });

      expect((await endings[ending](user.id)).statusCode).toBe(200);
      expect(await closeOf(probe.closed)).toBe('io server disconnect');
      expect(bystander.socket.connected).toBe(true);
    },
  );

  it('a session with a temporary password gets no socket until the password is changed', async () => {
    const { temporaryPassword } = await create({
      username: 'fresh.viewer',
      displayName: 'Fresh',
      role: 'viewer',
    });
    const token = (await login('fresh.viewer', temporaryPassword)).json().token as string;
    await expect(connect(token)).rejects.toThrow(/password change required/);
    const changed = await call('POST', '/api/me/password', token, {
      currentPassword: temporaryPassword,
      newPassword: 'orchid-lantern-river-58',
    });
    expect(changed.statusCode).toBe(204);
    const probe = await connect(token);
    expect(probe.socket.connected).toBe(true);
  });
});
