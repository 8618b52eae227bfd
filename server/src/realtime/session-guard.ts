// Keeps every socket no longer than its session: re-checked before each client message, on a timer, and at once
// when any server announces on Redis that the session (or all sessions of its user) ended.
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { Queryable } from '../db/pool';
import { findSessionUser, liveSessionHashes } from '../repositories/sessions.repository';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../schemas';
import type { ChannelNames } from './channel-names';
import type { SessionEnd } from './channels';
import type { SocketData, TocSocket } from './socket-handlers';
import { duplicateConnection } from '../lib/redis-duplicate';

export interface SessionGuardContext {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  db: Queryable;
  redis: Redis;
  /** Listens on `sessionEnded`. */
  channels: ChannelNames;
  now: () => Date;
  checkEveryMs: number;
  log: (message: string, detail: Record<string, unknown>) => void;
}

const SESSION_ENDED: Ack = {
  ok: false,
  error: 'Your session has ended; sign in again / เซสชันสิ้นสุดแล้ว กรุณาเข้าสู่ระบบใหม่',
};

const CHECK_FAILED: Ack = {
  ok: false,
  error: 'The session could not be checked; try again / ตรวจสอบเซสชันไม่ได้ กรุณาลองใหม่',
};

function parseSessionEnd(message: string): SessionEnd | null {
  try {
    const body = JSON.parse(message) as Record<string, unknown>;
    if (typeof body.tokenHash === 'string' && /^[0-9a-f]{64}$/.test(body.tokenHash))
      return { tokenHash: body.tokenHash };
    if (Number.isInteger(body.userId)) return { userId: body.userId as number };
  } catch {
    // Fall through: not ours to act on.
  }
  return null;
}

export async function startSessionGuard(
  ctx: SessionGuardContext,
): Promise<{ bind: (socket: TocSocket) => void; close: () => Promise<void> }> {
  const sockets = () => [...ctx.io.of('/').sockets.values()];

  /**
   * Before a message: whether the socket's session still holds. A message is the user's activity, so the lookup
   * records a use (idle timeout), and it refreshes the user (a changed role applies to this message).
   */
  async function holds(socket: TocSocket): Promise<boolean> {
    const user = await findSessionUser(ctx.db, Buffer.from(socket.data.tokenHash, 'hex'), ctx.now());
    if (user) socket.data.user = user;
    return user !== null;
  }

  /** Background check of some sockets in one query, recording no use; a failed lookup leaves them for the next. */
  async function recheck(batch: TocSocket[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      const hashes = [...new Set(batch.map((socket) => socket.data.tokenHash))].map((hex) =>
        Buffer.from(hex, 'hex'),
      );
      const live = await liveSessionHashes(ctx.db, hashes, ctx.now());
      for (const socket of batch) if (!live.has(socket.data.tokenHash)) socket.disconnect(true);
    } catch (error) {
      ctx.log('socket session check failed', { sockets: batch.length, error: (error as Error).message });
    }
  }

  // An announcement only triggers a re-check against the database: another deployment sharing this Redis (or a
  // stray message) cannot close a socket whose session is still valid here.
  const subscriber = duplicateConnection(ctx.redis);
  await subscriber.subscribe(ctx.channels.sessionEnded);
  subscriber.on('message', (_channel, message) => {
    const end = parseSessionEnd(message);
    if (!end) return;
    const matching = sockets().filter((socket) =>
      'tokenHash' in end ? socket.data.tokenHash === end.tokenHash : socket.data.user.id === end.userId,
    );
    void recheck(matching);
  });

  // Expiry has no announcement: a sweep catches it even on a socket that sends nothing.
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void recheck(sockets()).finally(() => (sweeping = false));
  }, ctx.checkEveryMs);
  timer.unref();

  return {
    bind(socket) {
      // Every message asks for data beyond the handshake, so each one re-checks the session first. The checks are
      // chained, so messages still reach their handlers in the order they were sent (watch, then unwatch).
      let previous = Promise.resolve();
      socket.use((packet, next) => {
        previous = previous.then(async () => {
          const ack = packet[packet.length - 1];
          const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => undefined;
          let valid: boolean;
          try {
            valid = await holds(socket);
          } catch (error) {
            // Not known to have ended: refuse this message, keep the connection.
            ctx.log('socket session check failed', { socketId: socket.id, error: (error as Error).message });
            return reply(CHECK_FAILED);
          }
          if (valid) return next();
          reply(SESSION_ENDED);
          if (socket.connected) socket.disconnect(true);
        });
        // A throw must not break the chain: every later message would wait on it for good.
        previous = previous.catch((error: Error) =>
          ctx.log('socket message dispatch failed', { socketId: socket.id, error: error.message }),
        );
      });
    },
    async close() {
      clearInterval(timer);
      await subscriber.quit();
    },
  };
}
