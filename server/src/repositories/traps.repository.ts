// SQL for camera traps; a trap's key is stored only as a SHA-256 hash.
import type { Queryable } from '../db/pool';
import type { Trap, TrapCreate } from '../schemas';
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
