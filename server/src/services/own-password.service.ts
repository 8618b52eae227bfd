// A signed-in user replaces their own password (a temporary one too): the current one is checked under the login
// throttle, the new one under the password policy, and every other session of the user ends.
import type { Redis } from 'ioredis';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { HttpError } from '../lib/http-error';
import { insertAudit } from '../repositories/audit.repository';
import { deleteOtherSessionsOfUser } from '../repositories/sessions.repository';
import { findUserById, setUserPassword } from '../repositories/users.repository';
import type { OwnPasswordBody, User } from '../schemas';
import { LoginBlockedError, type ClientInfo } from './auth.service';
import {
  beginLoginAttempt,
  loginAttempt,
  settleLoginAttempt,
  type LoginThrottleConfig,
} from './login-throttle';
import { assertPasswordAllowed } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { endOtherSessionsOf } from './session-end.service';
import type { ChannelNames } from '../realtime/channel-names';

export interface OwnPasswordContext {
  db: Pool;
  redis: Redis;
  /** The deployment's Redis pub/sub channels. */
  channels: ChannelNames;
  throttle: LoginThrottleConfig;
  now: () => Date;
  user: User;
  /** The session making the change: it stays signed in. */
  tokenHash: Buffer;
  client: ClientInfo;
}

// 400, not 401: the session is fine, and a 401 would sign the web app out.
const WRONG_CURRENT = new HttpError(400, 'The current password is not correct', 'รหัสผ่านปัจจุบันไม่ถูกต้อง');
const SAME_PASSWORD = new HttpError(
  400,
  'The new password must differ from the current one',
  'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านปัจจุบัน',
);

/**
 * Whether `password` is the user's current one. Counted like a sign-in: a stolen session must not become an
 * unlimited password-guessing oracle, and guesses here and at the login share one account limit.
 */
async function checkCurrent(
  ctx: OwnPasswordContext,
  passwordHash: string,
  password: string,
): Promise<boolean> {
  const attempt = loginAttempt(ctx.throttle, ctx.user.username, ctx.client.ip);
  const gate = await beginLoginAttempt(ctx.redis, ctx.throttle, attempt, ctx.now());
  if (!gate.allowed) throw new LoginBlockedError(gate.retryAfterSeconds);
  let valid: boolean | null = null;
  try {
    valid = await verifyPassword(passwordHash, password);
  } finally {
    await settleLoginAttempt(
      ctx.redis,
      ctx.throttle,
      attempt,
      valid === null ? 'aborted' : valid ? 'succeeded' : 'failed',
      ctx.now(),
    );
  }
  return valid;
}

export async function changeOwnPassword(ctx: OwnPasswordContext, body: OwnPasswordBody): Promise<void> {
  const { user } = ctx;
  assertPasswordAllowed(body.newPassword, user.username);
  const row = await findUserById(ctx.db, user.id);
  if (!row) throw new HttpError(401, 'Login required', 'กรุณาเข้าสู่ระบบ');
  if (!(await checkCurrent(ctx, row.passwordHash, body.currentPassword))) {
    await insertAudit(ctx.db, {
      userId: user.id,
      username: user.username,
      action: 'user.password_change_failed',
      ...ctx.client,
    });
    throw WRONG_CURRENT;
  }
  if (body.newPassword === body.currentPassword) throw SAME_PASSWORD;
  const passwordHash = await hashPassword(body.newPassword);
  await withTransaction(ctx.db, async (tx) => {
    await setUserPassword(tx, user.id, passwordHash, false);
    // Anyone else signed in as this user (a stolen session, a forgotten terminal) is out with the old password.
    await deleteOtherSessionsOfUser(tx, user.id, ctx.tokenHash);
    await insertAudit(tx, {
      userId: user.id,
      username: user.username,
      action: 'user.password_change',
      target: `user:${user.id}`,
      detail: { wasTemporary: row.mustChangePassword },
      ...ctx.client,
    });
  });
  await endOtherSessionsOf(ctx, user.id, ctx.tokenHash); // announced after the commit: their sockets close too
}
