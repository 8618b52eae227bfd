// SQL for a camera trap's memory of the elephant-like objects in its stills (fixtures: statues, painted walls, signs).
import type { Queryable } from '../db/pool';

export interface TrapObject {
  label: string;
  score: number;
  /** x0, y0, x1, y1 as shares of the still's width and height. */
  box: [number, number, number, number];
}

export interface RememberedTrapObject {
  takenAt: number;
  box: [number, number, number, number];
  /** The sighting it raised was marked a false alarm by an operator. */
  dismissed: boolean;
}

/** The trap's objects from stills taken in [since, before), other than `image` itself (a job tried again). */
export async function trapObjectHistory(
  db: Queryable,
  trapId: number,
  window: { since: Date; before: Date; image: string },
): Promise<RememberedTrapObject[]> {
  const { rows } = await db.query<{ taken_ms: number; box: number[]; dismissed: boolean }>(
    `SELECT (extract(epoch FROM o.taken_at) * 1000)::float8 AS taken_ms, o.box,
            coalesce(e.status = 'false_alarm', false) AS dismissed
       FROM trap_still_objects o LEFT JOIN events e ON e.id = o.event_id
      WHERE o.trap_id = $1 AND o.taken_at >= $2 AND o.taken_at < $3 AND o.image <> $4
      ORDER BY o.taken_at`,
    [trapId, window.since, window.before, window.image],
  );
  return rows.map((row) => ({
    takenAt: row.taken_ms,
    box: row.box as [number, number, number, number],
    dismissed: row.dismissed,
  }));
}

/**
 * Stores a still's objects (replacing any from an earlier try of the same still) and forgets the trap's objects from
 * before `forgetBefore`, in one transaction.
 */
export async function rememberTrapObjects(
  db: Queryable,
  still: { trapId: number; image: string; takenAt: Date; eventId: number | null; forgetBefore: Date },
  objects: readonly TrapObject[],
): Promise<void> {
  await db.query(
    `WITH forgotten AS (
       DELETE FROM trap_still_objects
        WHERE trap_id = $1 AND (image = $2 OR taken_at < $5)
     )
     INSERT INTO trap_still_objects (trap_id, image, taken_at, event_id, label, score, box)
     SELECT $1, $2, $3, $4, o.label, o.score, ARRAY[o.x0, o.y0, o.x1, o.y1]::real[]
       FROM jsonb_to_recordset($6::jsonb) AS o(label text, score real, x0 real, y0 real, x1 real, y1 real)`,
    [
      still.trapId,
      still.image,
      still.takenAt,
      still.eventId,
      still.forgetBefore,
      JSON.stringify(
        objects.map((o) => ({
          label: o.label,
          score: o.score,
          x0: o.box[0],
          y0: o.box[1],
          x1: o.box[2],
          y1: o.box[3],
        })),
      ),
    ],
  );
}
