// SQL for users.
import type { Role, User } from '../schemas';
import type { Queryable } from '../db/pool';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
}

export interface UserWithHash extends User {
  passwordHash: string;
  disabled: boolean;
}

const toUser = (row: UserRow): UserWithHash => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  passwordHash: row.password_hash,
  disabled: row.disabled,
});

export async function findUserByUsername(db: Queryable, username: string): Promise<UserWithHash | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return rows[0] ? toUser(rows[0]) : null;
}

export interface UpsertUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

/** Creates the user or, when it exists, resets its name, role and password (used by the demo seed). */
export async function upsertUser(db: Queryable, user: UpsertUser): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE
       SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, password_hash = EXCLUDED.password_hash
     RETURNING id`,
    [user.username, user.displayName, user.role, user.passwordHash],
  );
  return rows[0]!.id;
}

/** Disables or re-enables a user; false when there is no such user. */
export async function setUserDisabled(db: Queryable, userId: number, disabled: boolean): Promise<boolean> {
  const result = await db.query('UPDATE users SET disabled = $2 WHERE id = $1', [userId, disabled]);
  return (result.rowCount ?? 0) > 0;
}
