// How far each consumer of the fixes stream has stored: stream ids compared, and the row kept beside the positions.
import type { PoolClient } from 'pg';
import type { Pool } from '@toc/server/db/pool';

/** Where a batch ends in the stream, recorded with its rows so the two are stored together or not at all. */
export interface StreamProgress {
  stream: string;
  consumer: string;
  /** Id of the batch's last entry. */
  lastId: string;
}

/** Orders Redis stream ids (`milliseconds-sequence`) as Redis does; a plain string comparison would put 10-0 before 9-0. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = '0', aSeq = '0'] = a.split('-');
  const [bMs = '0', bSeq = '0'] = b.split('-');
  const byMs = BigInt(aMs) - BigInt(bMs);
  if (byMs !== 0n) return byMs < 0n ? -1 : 1;
  const bySeq = BigInt(aSeq) - BigInt(bSeq);
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}

/** The last entry this consumer stored, or null when it has stored nothing yet. */
export async function loadStoredUpTo(db: Pool, stream: string, consumer: string): Promise<string | null> {
  const { rows } = await db.query<{ stored_up_to: string }>(
    'SELECT stored_up_to FROM gps_stream_progress WHERE stream = $1 AND consumer = $2',
    [stream, consumer],
  );
  return rows[0]?.stored_up_to ?? null;
}

/** Moves the mark forward inside the caller's transaction; never back, whatever order batches commit in. */
export async function recordStoredUpTo(client: PoolClient, progress: StreamProgress): Promise<void> {
  const { rows } = await client.query<{ stored_up_to: string }>(
    'SELECT stored_up_to FROM gps_stream_progress WHERE stream = $1 AND consumer = $2 FOR UPDATE',
    [progress.stream, progress.consumer],
  );
  const current = rows[0]?.stored_up_to;
  if (current !== undefined && compareStreamIds(current, progress.lastId) >= 0) return;
  await client.query(
    `INSERT INTO gps_stream_progress (stream, consumer, stored_up_to) VALUES ($1, $2, $3)
     ON CONFLICT (stream, consumer) DO UPDATE SET stored_up_to = EXCLUDED.stored_up_to, updated_at = now()`,
    [progress.stream, progress.consumer, progress.lastId],
  );
}
