// A camera's stored vehicle counts, oldest first, as the outage tests read them back (times in ms since the epoch).
import type { Queryable } from '@toc/server/db/pool';

export interface CountRow {
  id: number;
  started: number;
  ended: number;
}

export async function vehicleCountRows(db: Queryable, cameraId: number): Promise<CountRow[]> {
  const { rows } = await db.query<CountRow>(
    `SELECT id, (extract(epoch FROM started_at) * 1000)::float8 AS started, (extract(epoch FROM ended_at) * 1000)::float8 AS ended
       FROM events WHERE camera_id = $1 AND type = 'traffic.vehicles' ORDER BY id`,
    [cameraId],
  );
  return rows;
}
