// SQL for video walls; the camera groups are stored as one JSON document per wall.
import type { Queryable } from '../db/pool';
import type { Wall, WallGroup, WallInput } from '../schemas';
import { isoRequired } from './row-mapping';

interface WallRow {
  id: number;
  name: string;
  name_th: string;
  rows: number;
  cols: number;
  cycle_seconds: number;
  groups: WallGroup[];
  updated_at: Date;
  updated_by: string | null;
}

const SELECT_WALL = `SELECT w.id, w.name, w.name_th, w.rows, w.cols, w.cycle_seconds, w.groups, w.updated_at,
  u.username AS updated_by FROM video_walls w LEFT JOIN users u ON u.id = w.updated_by`;

const toWall = (row: WallRow): Wall => ({
  id: row.id,
  name: row.name,
  nameTh: row.name_th,
  rows: row.rows,
  cols: row.cols,
  cycleSeconds: row.cycle_seconds,
  groups: row.groups,
  updatedAt: isoRequired(row.updated_at),
  updatedBy: row.updated_by,
});

/** Only the fields of the schema go into the document, in a fixed order. */
const groupsJson = (groups: readonly WallGroup[]) =>
  JSON.stringify(groups.map((g) => ({ name: g.name, nameTh: g.nameTh, cameraIds: g.cameraIds })));

export async function listWalls(db: Queryable): Promise<Wall[]> {
  const { rows } = await db.query<WallRow>(`${SELECT_WALL} ORDER BY w.id`);
  return rows.map(toWall);
}

export async function findWall(db: Queryable, id: number): Promise<Wall | null> {
  const { rows } = await db.query<WallRow>(`${SELECT_WALL} WHERE w.id = $1`, [id]);
  return rows[0] ? toWall(rows[0]) : null;
}

export async function findWallByName(db: Queryable, name: string): Promise<Wall | null> {
  const { rows } = await db.query<WallRow>(`${SELECT_WALL} WHERE w.name = $1 ORDER BY w.id LIMIT 1`, [name]);
  return rows[0] ? toWall(rows[0]) : null;
}

export async function insertWall(db: Queryable, wall: WallInput, userId: number | null): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO video_walls (name, name_th, rows, cols, cycle_seconds, groups, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
    [wall.name, wall.nameTh, wall.rows, wall.cols, wall.cycleSeconds, groupsJson(wall.groups), userId],
  );
  return rows[0]!.id;
}

/** Returns false when no wall has this id. */
export async function updateWall(db: Queryable, id: number, wall: WallInput, userId: number | null): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE video_walls SET name = $2, name_th = $3, rows = $4, cols = $5, cycle_seconds = $6, groups = $7::jsonb,
       updated_at = now(), updated_by = $8
     WHERE id = $1`,
    [id, wall.name, wall.nameTh, wall.rows, wall.cols, wall.cycleSeconds, groupsJson(wall.groups), userId],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteWall(db: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM video_walls WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

/** The ids among `ids` that name no camera, ascending. */
export async function findUnknownCameraIds(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: number }>(
    `SELECT wanted.id FROM unnest($1::int[]) AS wanted(id)
      WHERE NOT EXISTS (SELECT 1 FROM cameras c WHERE c.id = wanted.id) ORDER BY wanted.id`,
    [[...new Set(ids)]],
  );
  return rows.map((r) => r.id);
}
