// Ending sessions for good: the rows go first, then every server is told to drop the sockets that rode on them.
import type { Redis } from 'ioredis';
import type { Pool, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { deleteOtherSessionsOfUser, deleteSession, deleteSessionsOfUser } from '../repositories/sessions.repository';
import { setUserDisabled } from '../repositories/users.repository';
import { insertAudit } from '../repositories/audit.repository';
import type { ChannelNames } from '../realtime/channel-names';
import { publishSessionEnded, type Announcer } from '../realtime/channels';
import { notFound } from '../lib/http-error';
import type { User } from '../schemas';
import type { ClientInfo } from './auth.service';

export interface SessionEndContext {
  db: Pool;
  redis: Redis;
  /** The deployment's Redis pub/sub channels. */
  channels: ChannelNames;
}

/** Tells every server that this session ended (its row must already be gone), so its sockets close. */
export const announceSessionEnded = (out: Announcer, tokenHash: Buffer): Promise<void> =>
  publishSessionEnded(out, { tokenHash: tokenHash.toString('hex') });

/** Ends one session: for a forced sign-out; logout deletes its own row and then announces it. */
export async function endSession(ctx: SessionEndContext, tokenHash: Buffer): Promise<void> {
  await deleteSession(ctx.db, tokenHash);
  await announceSessionEnded(ctx, tokenHash);
}

/** Ends every session of a user (disabled, password changed): the API refuses them and their sockets close. */
export async function endSessionsOf(ctx: SessionEndContext, userId: number): Promise<void> {
  await deleteSessionsOfUser(ctx.db, userId);
  await publishSessionEnded(ctx, { userId });
}

/** Ends every session of a user but `keepTokenHash` (their own password change): the other sockets close. */
export async function endOtherSessionsOf(ctx: SessionEndContext, userId: number, keepTokenHash: Buffer): Promise<void> {
  await deleteOtherSessionsOfUser(ctx.db, userId, keepTokenHash);
  // By user: each server re-checks that user's sockets against the database, so the kept session's stay open.
  await publishSessionEnded(ctx, { userId });
}

/**
 * An admin disables a user: no new login (login checks `disabled`), and every open session and socket ends now.
 * `check` runs first in the same transaction and may refuse by throwing (the last enabled admin stays).
 */
export async function disableUser(
  ctx: SessionEndContext & { actor: User; client: ClientInfo; check?: (tx: Queryable) => Promise<void> },
  userId: number,
): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    await ctx.check?.(tx);
    if (!(await setUserDisabled(tx, userId, true))) throw notFound(`User ${userId}`, `ผู้ใช้ ${userId}`);
    await deleteSessionsOfUser(tx, userId);
    await insertAudit(tx, {
      userId: ctx.actor.id,
      username: ctx.actor.username,
      action: 'user.disable',
      target: `user:${userId}`,
      ...ctx.client,
    });
  });
  // Announced after the commit, so a server that re-checks the session on the announcement sees it gone.
  await publishSessionEnded(ctx, { userId });
}
