// The disk-full test's reads: a camera's recording index, gaps and vehicle counts, alarms, and its footage files.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Queryable } from '@toc/server/db/pool';

const run = promisify(execFile);

export interface SegmentRow {
  id: number;
  started: number;
  ended: number;
  bytes: number;
  path: string;
  sha256: string;
  interrupted: boolean;
}
export interface GapRow {
  id: number;
  started: number;
  ended: number | null;
  reason: string;
  detail: string | null;
}
export interface AlarmRow {
  ended_at: Date | null;
  occurrences: number;
  payload: Record<string, unknown>;
}

/** The camera's indexed segments, oldest first (times in ms since the epoch). */
export const segmentRows = async (db: Queryable, cameraId: number): Promise<SegmentRow[]> =>
  (
    await db.query<SegmentRow>(
      `SELECT id, (extract(epoch FROM started_at) * 1000)::float8 AS started,
              (extract(epoch FROM ended_at) * 1000)::float8 AS ended, bytes::float8 AS bytes, path, sha256, interrupted
         FROM recording_segments WHERE camera_id = $1 ORDER BY started_at`,
      [cameraId],
    )
  ).rows;

/** The camera's recording gaps, oldest first (an open gap has no end). */
export const gapRows = async (db: Queryable, cameraId: number): Promise<GapRow[]> =>
  (
    await db.query<GapRow>(
      `SELECT id, (extract(epoch FROM started_at) * 1000)::float8 AS started,
              (extract(epoch FROM ended_at) * 1000)::float8 AS ended, reason, detail
         FROM recording_gaps WHERE camera_id = $1 ORDER BY started_at, id`,
      [cameraId],
    )
  ).rows;

/** The spans of the camera's vehicle counts, oldest first. */
export const vehicleCountSpans = async (
  db: Queryable,
  cameraId: number,
): Promise<{ started: number; ended: number }[]> =>
  (
    await db.query<{ started: number; ended: number }>(
      `SELECT (extract(epoch FROM started_at) * 1000)::float8 AS started, (extract(epoch FROM ended_at) * 1000)::float8 AS ended
         FROM events WHERE camera_id = $1 AND type = 'traffic.vehicles' ORDER BY started_at`,
      [cameraId],
    )
  ).rows;

/** The alarms of the type, oldest first. */
export const alarmRows = async (db: Queryable, type: string): Promise<AlarmRow[]> =>
  (
    await db.query<AlarmRow>(
      'SELECT ended_at, occurrences, payload FROM events WHERE type = $1 ORDER BY id',
      [type],
    )
  ).rows;

export const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Frames a decoder gets out of the file (a fragment cut short holds fewer than its boxes list). */
export async function decodedFrames(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'quiet', '-count_frames', '-select_streams', 'v:0'],
    ...['-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file],
  ]);
  return Number(stdout.trim()) || 0;
}

export const sha256Of = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
