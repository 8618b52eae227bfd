// Medium: what a crashed recording run leaves in a camera's incoming folder, indexed at the next start — a listed
// segment at its place on the clock, a corrupt file kept aside as a `corrupt_segment` gap, a header-only file (killed
// as it opened) dropped, and the stop itself a `worker_died` gap. Real PostGIS, real ffmpeg-made fragmented MP4.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { loadRecordingConfig, RECORDINGS_MARKER } from '@toc/server/recording-config';
import { sharedDir } from '@toc/models';
import { createTestSchema } from '@toc/server/testing';
import type { GapReason } from '@toc/server/schemas';
import { CameraRecorder } from '../src/record/camera-recorder';
import { incomingDir, quarantineDir } from '../src/record/segment-paths';

const CAMERA = 7;
const CLIP = path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4');
let db: Pool;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let root: string;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  root = path.join(await mkdtemp(path.join(tmpdir(), 'toc-recovery-')), 'recordings');
  await mkdir(root);
  await writeFile(path.join(root, RECORDINGS_MARKER), '');
});

afterAll(async () => {
  await db?.end();
  await schema?.drop();
});

describe('recovery of a crashed run', () => {
  it('indexes what can be read, keeps a corrupt file aside as a gap, drops an empty one, and records the stop', async () => {
    const incoming = incomingDir(root, CAMERA);
    await mkdir(incoming, { recursive: true });
    const runId = 'rtest01';
    const anchorMs = Date.parse('2026-12-05T01:00:00.000Z');
    // A closed, listed segment as the muxer writes it (4 s of a real clip, fragmented MP4, stream copy).
    await promisify(execFile)('ffmpeg', [
      '-v',
      'error',
      '-i',
      CLIP,
      '-t',
      '4',
      '-an',
      '-c:v',
      'copy',
      '-movflags',
      '+frag_keyframe+empty_moov+default_base_moof',
      '-f',
      'mp4',
      path.join(incoming, `${runId}-000000.mp4`),
    ]);
    await writeFile(path.join(incoming, `${runId}.csv`), `${runId}-000000.mp4,0.000000,4.000000\n`);
    await writeFile(
      path.join(incoming, `${runId}.json`),
      JSON.stringify({ runId, workerId: 'dead-worker', anchorMs, previousEndMs: null }),
    );
    // The next one cut short by the crash, but unreadable; and one killed as it opened (a file-type box only).
    await writeFile(path.join(incoming, `${runId}-000001.mp4`), randomBytes(50_000));
    const ftyp = Buffer.from('0000001c6674797069736f350000020069736f3569736f366d703431', 'hex');
    await writeFile(path.join(incoming, `${runId}-000002.mp4`), ftyp);

    const gapsSeen: GapReason[] = [];
    const recorder = new CameraRecorder({
      db,
      recording: { ...loadRecordingConfig({}), dir: root },
      cameraId: CAMERA,
      workerId: 'new-worker',
      log: () => undefined,
      onGap: (gap) => gapsSeen.push(gap.reason),
    });
    await recorder.recoverLeftovers();

    const { rows: segments } = await db.query<{
      started_at: Date;
      ended_at: Date;
      interrupted: boolean;
      worker_id: string;
    }>('SELECT started_at, ended_at, interrupted, worker_id FROM recording_segments WHERE camera_id = $1', [
      CAMERA,
    ]);
    expect(segments).toHaveLength(1);
    expect(segments[0]!.started_at.getTime()).toBe(anchorMs);
    expect(segments[0]!.ended_at.getTime()).toBe(anchorMs + 4_000);
    expect(segments[0]!.interrupted).toBe(false);

    const { rows: gaps } = await db.query<{
      started_at: Date;
      ended_at: Date | null;
      reason: string;
      detail: string;
    }>(
      'SELECT started_at, ended_at, reason, detail FROM recording_gaps WHERE camera_id = $1 ORDER BY started_at, id',
      [CAMERA],
    );
    expect(gaps.map((g) => g.reason)).toEqual(['corrupt_segment', 'worker_died']);
    // The corrupt file's span follows the footage before it; the file is kept, named in the gap.
    expect(gaps[0]!.started_at.getTime()).toBe(anchorMs + 4_000);
    expect(gaps[0]!.ended_at).not.toBeNull();
    expect(gaps[0]!.detail).toContain(`${runId}-000001.mp4`);
    expect(await readdir(quarantineDir(root, CAMERA))).toEqual([`${runId}-000001.mp4`]);
    // Footage stops where the last readable segment ended: open until the camera records again.
    expect(gaps[1]!.ended_at).toBeNull();
    expect(gapsSeen).toEqual(['corrupt_segment', 'worker_died']);
    // Nothing left in the incoming folder: the empty file is gone, the good one moved to its place.
    expect(await readdir(incoming)).toEqual([]);
  });
});
