// SQL for login sessions (stored by token hash).
import type { Role, User } from '../schemas';
import type { Queryable } from '../db/pool';

export async function insertSession(
  db: Queryable,
  session: { tokenHash: Buffer; userId: number; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)',
    [session.tokenHash, session.userId, session.expiresAt, session.ip, session.userAgent],
  );
}

export async function findSessionUser(db: Queryable, tokenHash: Buffer, now: Date): Promise<User | null> {
  const { rows } = await db.query<{ id: number; username: string; display_name: string; role: Role }>(
    `SELECT u.id, u.username, u.display_name, u.role
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [tokenHash, now],
  );
  const row = rows[0];
  return row ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role } : null;
}

export async function deleteSession(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE expires_at <= now()');
  return result.rowCount ?? 0;
}
