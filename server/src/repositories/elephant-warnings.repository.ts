// SQL for one elephant warning per herd: the open warning of a movement path, and a lock so two sightings cannot both open one.
import type { Queryable } from '../db/pool';

/** Serialises the warning decisions of one herd (movement path) until the transaction ends. */
export async function lockHerdWarning(db: Queryable, pathId: number): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('elephant-path:' || $1::text, 0))`, [pathId]);
}

/**
 * The newest warning of the herd that operators still have in hand (open or acknowledged, ended or not), or null.
 * A resolved warning or a false alarm is someone's judgement: a later sighting opens a new warning instead.
 */
export async function findOpenHerdWarning(db: Queryable, pathId: number): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM events
      WHERE status IN ('open', 'acknowledged') AND type = 'elephant.warning' AND payload->>'pathId' = $1::text
      ORDER BY id DESC LIMIT 1`,
    [pathId],
  );
  return rows[0]?.id ?? null;
}
