// SQL for users.
import type { ManagedUser, Role, User } from '../schemas';
import type { Queryable } from '../db/pool';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  must_change_password: boolean;
  station: string | null;
  districts: string[] | null;
  created_at: Date;
  password_changed_at: Date | null;
}

export interface UserWithHash extends User {
  passwordHash: string;
  disabled: boolean;
  mustChangePassword: boolean;
  station: string | null;
}

const toUser = (row: UserRow): UserWithHash => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  passwordHash: row.password_hash,
  disabled: row.disabled,
  mustChangePassword: row.must_change_password,
  station: row.station,
});

/** What an administrator sees: everything but the password hash. */
const toManagedUser = (row: UserRow): ManagedUser => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  station: row.station,
  districts: row.districts,
  disabled: row.disabled,
  mustChangePassword: row.must_change_password,
  createdAt: row.created_at.toISOString(),
  passwordChangedAt: row.password_changed_at?.toISOString() ?? null,
});

export async function findUserByUsername(db: Queryable, username: string): Promise<UserWithHash | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserById(db: Queryable, id: number): Promise<UserWithHash | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listManagedUsers(db: Queryable): Promise<ManagedUser[]> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users ORDER BY username');
  return rows.map(toManagedUser);
}

export async function findManagedUser(db: Queryable, id: number): Promise<ManagedUser | null> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] ? toManagedUser(rows[0]) : null;
}

export interface UpsertUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  /** Default false: the user may keep this password. */
  mustChangePassword?: boolean;
  station?: string | null;
}

/** Creates the user or, when it exists, resets its name, role and password (used by the demo seed). */
export async function upsertUser(db: Queryable, user: UpsertUser): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, password_hash, must_change_password, station)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (username) DO UPDATE
       SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, password_hash = EXCLUDED.password_hash,
           must_change_password = EXCLUDED.must_change_password, station = EXCLUDED.station, updated_at = now()
     RETURNING id`,
    [
      user.username,
      user.displayName,
      user.role,
      user.passwordHash,
      user.mustChangePassword ?? false,
      user.station ?? null,
    ],
  );
  return rows[0]!.id;
}

export interface NewUserRow {
  username: string;
  displayName: string;
  role: Role;
  station: string | null;
  districts: string[] | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

/** Creates the user; null when the username is taken (the existing user is left as it is). */
export async function insertUser(db: Queryable, user: NewUserRow): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, station, districts, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (username) DO NOTHING
     RETURNING id`,
    [
      user.username,
      user.displayName,
      user.role,
      user.station,
      user.districts,
      user.passwordHash,
      user.mustChangePassword,
    ],
  );
  return rows[0]?.id ?? null;
}

export interface UserProfile {
  displayName: string;
  role: Role;
  station: string | null;
  districts: string[] | null;
}

/** Writes the whole profile (the service has merged the change into the current one); false when there is no such user. */
export async function updateUserProfile(
  db: Queryable,
  userId: number,
  profile: UserProfile,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE users SET display_name = $2, role = $3, station = $4, districts = $5, updated_at = now() WHERE id = $1`,
    [userId, profile.displayName, profile.role, profile.station, profile.districts],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Sets a new password hash; `mustChange` makes it a temporary one. False when there is no such user. */
export async function setUserPassword(
  db: Queryable,
  userId: number,
  passwordHash: string,
  mustChange: boolean,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE users
        SET password_hash = $2, must_change_password = $3, password_changed_at = now(), updated_at = now()
      WHERE id = $1`,
    [userId, passwordHash, mustChange],
  );
  return (result.rowCount ?? 0) > 0;
}

/**
 * The enabled administrators, their rows locked until the transaction ends: two admins demoting or disabling each
 * other at once are serialised here, so the second one sees the first one's change and the last admin stays.
 */
export async function lockEnabledAdmins(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`,
  );
  return rows.map((row) => row.id);
}

/** Disables or re-enables a user; false when there is no such user. */
export async function setUserDisabled(db: Queryable, userId: number, disabled: boolean): Promise<boolean> {
  const result = await db.query('UPDATE users SET disabled = $2, updated_at = now() WHERE id = $1', [
    userId,
    disabled,
  ]);
  return (result.rowCount ?? 0) > 0;
}
