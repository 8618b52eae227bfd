// Login, session tokens and the failed-login lockout.
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import { findUserByUsername } from '../repositories/users.repository';
import { deleteSession, findSessionUser, insertSession } from '../repositories/sessions.repository';
import { insertAudit } from '../repositories/audit.repository';
import { HttpError } from '../lib/http-error';
import type { LoginReply, User } from '../schemas';
import { dummyPasswordHash, verifyPassword } from './passwords';

export interface AuthContext {
  db: Queryable;
  redis: Redis;
  sessionTtlHours: number;
  maxFailures: number;
  lockoutSeconds: number;
  now: () => Date;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

const failureKey = (username: string, ip: string | null) => `toc:login-failures:${username}:${ip ?? '-'}`;

const INVALID_LOGIN = new HttpError(401, 'Invalid username or password', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');

export async function login(
  ctx: AuthContext,
  credentials: { username: string; password: string },
  client: ClientInfo,
): Promise<LoginReply> {
  const username = credentials.username.trim().toLowerCase();
  const key = failureKey(username, client.ip);
  const failures = Number(await ctx.redis.get(key)) || 0;
  if (failures >= ctx.maxFailures) {
    await insertAudit(ctx.db, { userId: null, username, action: 'auth.login_blocked', ...client });
    throw new HttpError(
      429,
      'Too many failed logins; try again later',
      'เข้าสู่ระบบผิดพลาดหลายครั้งเกินไป กรุณาลองใหม่ภายหลัง',
    );
  }
  const user = await findUserByUsername(ctx.db, username);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), credentials.password);
  if (!user || !valid || user.disabled) {
    await ctx.redis.multi().incr(key).expire(key, ctx.lockoutSeconds).exec();
    await insertAudit(ctx.db, { userId: user?.id ?? null, username, action: 'auth.login_failed', ...client });
    throw INVALID_LOGIN;
  }
  await ctx.redis.del(key);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + ctx.sessionTtlHours * 3600_000);
  await insertSession(ctx.db, { tokenHash: hashToken(token), userId: user.id, expiresAt, ...client });
  await insertAudit(ctx.db, { userId: user.id, username, action: 'auth.login', ...client });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
  };
}

/** The user of a session that has not expired at `now`. */
export const userForToken = (db: Queryable, token: string, now: Date): Promise<User | null> =>
  findSessionUser(db, hashToken(token), now);

export async function logout(db: Queryable, token: string, user: User, client: ClientInfo): Promise<void> {
  await deleteSession(db, hashToken(token));
  await insertAudit(db, { userId: user.id, username: user.username, action: 'auth.logout', ...client });
}
