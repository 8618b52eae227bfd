// User administration for admins: create, change, disable and enable users and reset their passwords, each audited;
// the last enabled admin can be neither demoted nor disabled, and ending access ends sessions and sockets at once.
import type { Redis } from 'ioredis';
import type { Pool, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { HttpError, notFound } from '../lib/http-error';
import { insertAudit } from '../repositories/audit.repository';
import { deleteSessionsOfUser } from '../repositories/sessions.repository';
import * as users from '../repositories/users.repository';
import type {
  ManagedUser,
  NewUserBody,
  PasswordResetBody,
  TemporaryPasswordReply,
  User,
  UserChangeBody,
} from '../schemas';
import type { ClientInfo } from './auth.service';
import { assertPasswordAllowed } from './password-policy';
import { hashPassword } from './passwords';
import { disableUser, endSessionsOf } from './session-end.service';
import type { ChannelNames } from '../realtime/channel-names';
import { temporaryPassword } from './temporary-password';
import { mergeProfile, profileChanges } from './user-profile';

export interface UserAdminContext {
  db: Pool;
  redis: Redis;
  /** The deployment's Redis pub/sub channels. */
  channels: ChannelNames;
  /** The administrator doing it. */
  actor: User;
  client: ClientInfo;
}

const userNotFound = (id: number) => notFound(`User ${id}`, `ผู้ใช้ ${id}`);

const audit = (
  ctx: UserAdminContext,
  db: Queryable,
  action: string,
  userId: number,
  detail: Record<string, unknown> = {},
) =>
  insertAudit(db, {
    userId: ctx.actor.id,
    username: ctx.actor.username,
    action,
    target: `user:${userId}`,
    detail,
    ...ctx.client,
  });

/** Refuses (409) when taking `userId` out of the enabled admins would leave none; run inside the change's transaction. */
async function keepAnAdmin(tx: Queryable, userId: number, what: 'demote' | 'disable'): Promise<void> {
  const admins = await users.lockEnabledAdmins(tx);
  if (!admins.includes(userId) || admins.some((id) => id !== userId)) return;
  const [verb, verbTh] =
    what === 'demote' ? ['change the role of', 'เปลี่ยนบทบาทของ'] : ['disable', 'ระงับการใช้งานของ'];
  throw new HttpError(
    409,
    `Cannot ${verb} the last enabled administrator: make another user an administrator first`,
    `ไม่สามารถ${verbTh}ผู้ดูแลระบบคนสุดท้ายที่ยังใช้งานอยู่ได้ กรุณากำหนดผู้ดูแลระบบคนอื่นก่อน`,
  );
}

export async function getManagedUser(db: Queryable, id: number): Promise<ManagedUser> {
  const user = await users.findManagedUser(db, id);
  if (!user) throw userNotFound(id);
  return user;
}

export async function createUser(ctx: UserAdminContext, body: NewUserBody): Promise<TemporaryPasswordReply> {
  const profile = mergeProfile(null, body);
  const password = body.temporaryPassword ?? temporaryPassword(body.username);
  assertPasswordAllowed(password, body.username);
  const passwordHash = await hashPassword(password);
  const id = await withTransaction(ctx.db, async (tx) => {
    // A new user signs in with a password someone else has seen: it is theirs only once they have replaced it.
    const created = await users.insertUser(tx, {
      username: body.username,
      ...profile,
      passwordHash,
      mustChangePassword: true,
    });
    if (created === null) {
      throw new HttpError(
        409,
        `The username ${body.username} is already taken`,
        `ชื่อผู้ใช้ ${body.username} มีผู้ใช้แล้ว`,
      );
    }
    await audit(ctx, tx, 'user.create', created, {
      username: body.username,
      ...profile,
      passwordGenerated: body.temporaryPassword === undefined,
    });
    return created;
  });
  return { user: await getManagedUser(ctx.db, id), temporaryPassword: password };
}

export async function changeUser(
  ctx: UserAdminContext,
  id: number,
  body: UserChangeBody,
): Promise<ManagedUser> {
  const roleChanged = await withTransaction(ctx.db, async (tx) => {
    const current = await users.findManagedUser(tx, id);
    if (!current) throw userNotFound(id);
    const next = mergeProfile(current, body);
    const changes = profileChanges(current, next);
    if (Object.keys(changes).length === 0) return false;
    if (current.role === 'admin' && next.role !== 'admin') await keepAnAdmin(tx, id, 'demote');
    await users.updateUserProfile(tx, id, next);
    await audit(ctx, tx, 'user.update', id, { changes });
    return next.role !== current.role;
  });
  // A new role applies to every request at once; ending the sessions also closes sockets that were opened under the
  // old role (live video a police officer may not watch), and the user signs in again under the new one.
  if (roleChanged) await endSessionsOf(ctx, id);
  return getManagedUser(ctx.db, id);
}

export async function disableManagedUser(ctx: UserAdminContext, id: number): Promise<ManagedUser> {
  await disableUser({ ...ctx, check: (tx) => keepAnAdmin(tx, id, 'disable') }, id);
  return getManagedUser(ctx.db, id);
}

export async function enableManagedUser(ctx: UserAdminContext, id: number): Promise<ManagedUser> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await users.setUserDisabled(tx, id, false))) throw userNotFound(id);
    await audit(ctx, tx, 'user.enable', id);
  });
  return getManagedUser(ctx.db, id);
}

/** Sets a temporary password (the admin's or a generated one), to be changed at the next sign-in; sessions end. */
export async function resetPassword(
  ctx: UserAdminContext,
  id: number,
  body: PasswordResetBody,
): Promise<TemporaryPasswordReply> {
  const target = await users.findUserById(ctx.db, id);
  if (!target) throw userNotFound(id);
  const password = body.temporaryPassword ?? temporaryPassword(target.username);
  assertPasswordAllowed(password, target.username);
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx.db, async (tx) => {
    if (!(await users.setUserPassword(tx, id, passwordHash, true))) throw userNotFound(id);
    // Whoever held a session with the old password loses it together with the password.
    await deleteSessionsOfUser(tx, id);
    await audit(ctx, tx, 'user.password_reset', id, {
      passwordGenerated: body.temporaryPassword === undefined,
    });
  });
  await endSessionsOf(ctx, id); // announced after the commit: every server closes the user's sockets
  return { user: await getManagedUser(ctx.db, id), temporaryPassword: password };
}
