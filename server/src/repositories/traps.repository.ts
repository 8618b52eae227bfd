// SQL for camera traps; a trap's key is stored only as a SHA-256 hash.
import type { Queryable } from '../db/pool';
import type { Trap, TrapCreate, TrapUpdate } from '../schemas';
import { iso, isoRequired } from './row-mapping';

interface TrapRow {
  id: number;
  name: string;
  name_th: string;
  lon: number;
  lat: number;
  enabled: boolean;
  model_id: string;
  last_image_at: Date | null;
  created_at: Date;
  key_hash: Buffer;
}

const SELECT_TRAP = `SELECT id, name, name_th, ST_X(location) AS lon, ST_Y(location) AS lat, enabled, model_id,
  last_image_at, created_at, key_hash FROM camera_traps`;

const toTrap = (row: TrapRow): Trap => ({
  id: row.id,
  name: row.name,
  nameTh: row.name_th,
  location: { lon: row.lon, lat: row.lat },
  enabled: row.enabled,
  modelId: row.model_id,
  lastImageAt: iso(row.last_image_at),
  createdAt: isoRequired(row.created_at),
});

export async function insertTrap(db: Queryable, trap: TrapCreate, keyHash: Buffer): Promise<Trap> {
  const { rows } = await db.query<TrapRow>(
    `INSERT INTO camera_traps (name, name_th, location, key_hash, model_id)
     VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5, $6)
     RETURNING id, name, name_th, ST_X(location) AS lon, ST_Y(location) AS lat, enabled, model_id, last_image_at, created_at, key_hash`,
    [trap.name, trap.nameTh, trap.location.lon, trap.location.lat, keyHash, trap.modelId ?? 'yolox_nano_416'],
  );
  return toTrap(rows[0]!);
}

export async function listTraps(db: Queryable): Promise<Trap[]> {
  const { rows } = await db.query<TrapRow>(`${SELECT_TRAP} ORDER BY id`);
  return rows.map(toTrap);
}

export async function findTrapWithKey(db: Queryable, id: number): Promise<{ trap: Trap; keyHash: Buffer } | null> {
  const { rows } = await db.query<TrapRow>(`${SELECT_TRAP} WHERE id = $1`, [id]);
  return rows[0] ? { trap: toTrap(rows[0]), keyHash: rows[0].key_hash } : null;
}

export async function touchTrap(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query('UPDATE camera_traps SET last_image_at = $2 WHERE id = $1', [id, at]);
}

/** Applies the fields given; null when there is no such trap. */
export async function updateTrap(db: Queryable, id: number, change: TrapUpdate): Promise<Trap | null> {
  const { rows } = await db.query<TrapRow>(
    `UPDATE camera_traps SET
       name = COALESCE($2, name),
       name_th = COALESCE($3, name_th),
       location = CASE WHEN $4::float8 IS NULL THEN location ELSE ST_SetSRID(ST_MakePoint($4, $5), 4326) END,
       enabled = COALESCE($6, enabled)
     WHERE id = $1
     RETURNING id, name, name_th, ST_X(location) AS lon, ST_Y(location) AS lat, enabled, model_id, last_image_at, created_at, key_hash`,
    [id, change.name ?? null, change.nameTh ?? null, change.location?.lon ?? null, change.location?.lat ?? null, change.enabled ?? null],
  );
  return rows[0] ? toTrap(rows[0]) : null;
}

/** Replaces the key's hash; the old key stops working at once. Null when there is no such trap. */
export async function replaceTrapKey(db: Queryable, id: number, keyHash: Buffer): Promise<Trap | null> {
  const { rows } = await db.query<TrapRow>(
    `UPDATE camera_traps SET key_hash = $2 WHERE id = $1
     RETURNING id, name, name_th, ST_X(location) AS lon, ST_Y(location) AS lat, enabled, model_id, last_image_at, created_at, key_hash`,
    [id, keyHash],
  );
  return rows[0] ? toTrap(rows[0]) : null;
}
