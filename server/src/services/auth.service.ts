// Login (throttled before the password is checked), session tokens and logout.
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import { findUserByUsername, type UserWithHash } from '../repositories/users.repository';
import { deleteSession, findSessionUser, insertSession } from '../repositories/sessions.repository';
import { insertAudit } from '../repositories/audit.repository';
import { HttpError } from '../lib/http-error';
import type { LoginReply, SessionUser, User } from '../schemas';
import { dummyPasswordHash, verifyPassword } from './passwords';
import {
  beginLoginAttempt,
  loginAttempt,
  settleLoginAttempt,
  type AttemptGate,
  type AttemptOutcome,
  type LoginThrottleConfig,
} from './login-throttle';

export interface AuthContext {
  db: Queryable;
  redis: Redis;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  throttle: LoginThrottleConfig;
  now: () => Date;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

const INVALID_LOGIN = new HttpError(401, 'Invalid username or password', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');

/** A refused sign-in: the route sends `retryAfterSeconds` as the Retry-After header. */
export class LoginBlockedError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      429,
      `Too many sign-in attempts; try again ${retryAfterSeconds < 60 ? 'in a moment' : `in ${minutes} min`}`,
      `พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณาลองใหม่${retryAfterSeconds < 60 ? 'อีกครั้งในอีกสักครู่' : `ในอีก ${minutes} นาที`}`,
    );
  }
}

export async function login(
  ctx: AuthContext,
  credentials: { username: string; password: string },
  client: ClientInfo,
): Promise<LoginReply> {
  const username = credentials.username.trim().toLowerCase();
  const attempt = loginAttempt(ctx.throttle, username, client.ip);
  // Counted before the password is checked: parallel guesses cannot all pass a limit none of them has yet reached.
  const gate = await beginLoginAttempt(ctx.redis, ctx.throttle, attempt, ctx.now());
  if (!gate.allowed) {
    await auditBlocked(ctx, username, client, gate);
    throw new LoginBlockedError(gate.retryAfterSeconds);
  }
  let outcome: AttemptOutcome = 'aborted';
  let checked: { user: UserWithHash | null; accepted: boolean };
  try {
    checked = await checkPassword(ctx.db, username, credentials.password);
    outcome = checked.accepted ? 'succeeded' : 'failed';
  } finally {
    const lockout = await settleLoginAttempt(ctx.redis, ctx.throttle, attempt, outcome, ctx.now());
    if (lockout) {
      await insertAudit(ctx.db, { userId: null, username, action: 'auth.login_lockout', detail: lockout, ...client });
    }
  }
  const { user } = checked;
  if (!checked.accepted || !user) {
    await insertAudit(ctx.db, { userId: user?.id ?? null, username, action: 'auth.login_failed', ...client });
    throw INVALID_LOGIN;
  }
  const token = randomBytes(32).toString('base64url');
  const signedInAt = ctx.now();
  const expiresAt = new Date(signedInAt.getTime() + ctx.sessionTtlHours * 3600_000);
  await insertSession(ctx.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    signedInAt,
    expiresAt,
    idleTimeoutSeconds: Math.round(ctx.sessionIdleMinutes * 60),
    ...client,
  });
  await insertAudit(ctx.db, { userId: user.id, username, action: 'auth.login', ...client });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      station: user.station,
      // A temporary password signs in, but the session may do nothing else until it is changed (auth plugin).
      mustChangePassword: user.mustChangePassword,
    },
  };
}

async function checkPassword(db: Queryable, username: string, password: string) {
  const user = await findUserByUsername(db, username);
  // An unknown user costs a verification too: the reply time does not tell which usernames exist.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  return { user, accepted: user !== null && valid && !user.disabled };
}

function auditBlocked(ctx: AuthContext, username: string, client: ClientInfo, gate: Exclude<AttemptGate, { allowed: true }>) {
  return insertAudit(ctx.db, {
    userId: null,
    username,
    action: 'auth.login_blocked',
    detail: { scope: gate.scope, reason: gate.reason, retryAfterSeconds: gate.retryAfterSeconds },
    ...client,
  });
}

/** The user of a session neither expired nor idle at `now`; the lookup counts as the session's use. */
export const userForToken = (db: Queryable, token: string, now: Date): Promise<SessionUser | null> =>
  findSessionUser(db, hashToken(token), now);

export async function logout(db: Queryable, token: string, user: User, client: ClientInfo): Promise<void> {
  await deleteSession(db, hashToken(token));
  await insertAudit(db, { userId: user.id, username: user.username, action: 'auth.logout', ...client });
}
