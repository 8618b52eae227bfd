// SQL for vehicles (buses) and their binding to a GTFS feed, route or block.
import type { Queryable } from '../db/pool';
import type { Vehicle, VehicleInput } from '../schemas';
import { isoRequired } from './row-mapping';

interface VehicleRow {
  id: number;
  label: string;
  plate: string | null;
  electric: boolean;
  feed_id: number | null;
  route_id: string | null;
  block_id: string | null;
  created_at: Date;
}

const COLUMNS = 'id, label, plate, electric, feed_id, route_id, block_id, created_at';

const toVehicle = (row: VehicleRow): Vehicle => ({
  id: row.id,
  label: row.label,
  plate: row.plate,
  electric: row.electric,
  feedId: row.feed_id,
  routeId: row.route_id,
  blockId: row.block_id,
  createdAt: isoRequired(row.created_at),
});

const values = (input: VehicleInput) => [
  input.label,
  input.plate ?? null,
  input.electric ?? false,
  input.feedId ?? null,
  input.routeId ?? null,
  input.blockId ?? null,
];

export async function listVehicles(db: Queryable): Promise<Vehicle[]> {
  const { rows } = await db.query<VehicleRow>(`SELECT ${COLUMNS} FROM vehicles ORDER BY label`);
  return rows.map(toVehicle);
}

export async function findVehicle(db: Queryable, id: number): Promise<Vehicle | null> {
  const { rows } = await db.query<VehicleRow>(`SELECT ${COLUMNS} FROM vehicles WHERE id = $1`, [id]);
  return rows[0] ? toVehicle(rows[0]) : null;
}

/** Inserts a vehicle (also used by the simulator's demo seeding). */
export async function createVehicle(db: Queryable, input: VehicleInput): Promise<Vehicle> {
  const { rows } = await db.query<VehicleRow>(
    `INSERT INTO vehicles (label, plate, electric, feed_id, route_id, block_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    values(input),
  );
  return toVehicle(rows[0]!);
}

/** Writes every field (the service merges a partial update into the current row first). */
export async function updateVehicle(db: Queryable, id: number, input: VehicleInput): Promise<Vehicle | null> {
  const { rows } = await db.query<VehicleRow>(
    `UPDATE vehicles SET label = $2, plate = $3, electric = $4, feed_id = $5, route_id = $6, block_id = $7
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, ...values(input)],
  );
  return rows[0] ? toVehicle(rows[0]) : null;
}

export async function deleteVehicle(db: Queryable, id: number): Promise<boolean> {
  const result = await db.query('DELETE FROM vehicles WHERE id = $1', [id]);
  return (result.rowCount ?? 0) > 0;
}
