// SQL for login sessions (stored by token hash).
import type { Role, SessionUser } from '../schemas';
import type { Queryable } from '../db/pool';

export interface NewSession {
  tokenHash: Buffer;
  userId: number;
  /** Sign-in time on the app's clock: the session's first use. */
  signedInAt: Date;
  expiresAt: Date;
  /** Unused this long, the session is refused like an expired one. */
  idleTimeoutSeconds: number;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Queryable, session: NewSession): Promise<void> {
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at, idle_timeout_s, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      session.tokenHash,
      session.userId,
      session.signedInAt,
      session.expiresAt,
      session.idleTimeoutSeconds,
      session.ip,
      session.userAgent,
    ],
  );
}

/**
 * The user of a session neither expired nor idle at `now`, and the use recorded: every lookup is one (a request, a
 * socket handshake, a socket's re-check). `last_seen_at` is written only when it is a minute old or more, so a busy
 * session costs one write a minute, not one per request.
 */
export async function findSessionUser(db: Queryable, tokenHash: Buffer, now: Date): Promise<SessionUser | null> {
  const { rows } = await db.query<{
    id: number;
    username: string;
    display_name: string;
    role: Role;
    station: string | null;
    must_change_password: boolean;
  }>(
    `WITH live AS (
       SELECT s.token_hash, u.id, u.username, u.display_name, u.role, u.station, u.must_change_password
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled
          AND (s.idle_timeout_s IS NULL OR s.last_seen_at + make_interval(secs => s.idle_timeout_s) > $2)
     ), seen AS (
       UPDATE sessions s SET last_seen_at = $2
         FROM live
        -- On the row itself, so of two requests racing here the second sees the first's write and skips.
        WHERE s.token_hash = live.token_hash AND s.last_seen_at <= $2::timestamptz - interval '1 minute'
     )
     SELECT id, username, display_name, role, station, must_change_password FROM live`,
    [tokenHash, now],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        station: row.station,
        mustChangePassword: row.must_change_password,
      }
    : null;
}

export async function deleteSession(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE expires_at <= now()');
  return result.rowCount ?? 0;
}

export async function deleteSessionsOfUser(db: Queryable, userId: number): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  return result.rowCount ?? 0;
}

/** Every session of the user but one (the one that changed the password stays signed in). */
export async function deleteOtherSessionsOfUser(db: Queryable, userId: number, keepTokenHash: Buffer): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keepTokenHash]);
  return result.rowCount ?? 0;
}

/**
 * Which of these sessions are live at `now`: the conditions of findSessionUser, without recording a use, for the
 * servers' background re-checks of open sockets (an open socket is not activity; it must not hold off the idle timeout).
 */
export async function liveSessionHashes(db: Queryable, tokenHashes: readonly Buffer[], now: Date): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const { rows } = await db.query<{ token_hash: Buffer }>(
    `SELECT s.token_hash
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ANY($1::bytea[]) AND s.expires_at > $2 AND NOT u.disabled
        AND (s.idle_timeout_s IS NULL OR s.last_seen_at + make_interval(secs => s.idle_timeout_s) > $2)`,
    [tokenHashes, now],
  );
  return new Set(rows.map((row) => row.token_hash.toString('hex')));
}
