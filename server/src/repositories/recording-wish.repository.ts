// What a camera's recorder should do now: record, not (settings), or pause (the cleaner found no space to free).
import type { Queryable } from '../db/pool';

export interface RecordingWishRow {
  enabled: boolean;
  pausedReason: string | null;
}

/** A camera without settings of its own is recorded. */
export async function findRecordingWish(db: Queryable, cameraId: number): Promise<RecordingWishRow> {
  const { rows } = await db.query<{ enabled: boolean; paused_reason: string | null; paused_at: Date | null }>(
    'SELECT enabled, paused_reason, paused_at FROM camera_recording WHERE camera_id = $1',
    [cameraId],
  );
  const row = rows[0];
  if (!row) return { enabled: true, pausedReason: null };
  return {
    enabled: row.enabled,
    pausedReason: row.paused_at ? (row.paused_reason ?? 'paused: storage full') : null,
  };
}
