// Medium: the recordings volume really fills up (a small tmpfs, ENOSPC, no quota playing it) under a camera recording
// from the RTSP simulator with real ffmpeg, YOLOX-nano, PostGIS and Redis. The recorder stops with a `storage_full`
// gap and its alarm, the camera goes on analysing (vehicle counts keep coming) without a tight retry loop; the cleaner
// frees the oldest unprotected footage (never held footage), and recording resumes; full again with only protected
// footage left, the camera is paused and resumes once space is back. The index stays truthful throughout.
// The volume, camera and footage: disk-full-fixture.ts; the reads: disk-full-probes.ts.
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCamera } from '@toc/server/repositories/cameras.repository';
import { CameraRunner } from '../src/camera/camera-runner';
import { startCleaner } from '../src/record/cleaner';
import { incomingDir } from '../src/record/segment-paths';
import {
  FPS,
  MB,
  mountRefusal,
  ROOM_AT_START,
  useDiskFullFixture,
  VOLUME_MB,
  WINDOW_MS,
} from './disk-full-fixture';
import { decodedFrames, seconds, sha256Of, type GapRow } from './disk-full-probes';

const refusal = await mountRefusal();
if (refusal) console.warn(`recording-disk-full: skipped — ${refusal}`);

const fixture = useDiskFullFixture(refusal);
let startedAt = 0;

describe.skipIf(refusal !== null)('recordings volume really full (ENOSPC)', () => {
  let fullAt = 0;
  let firstGap: GapRow;

  it('stops recording with a storage_full gap and its alarm; the camera keeps analysing, no tight retry loop', async () => {
    const filler = await fixture.fillUntil('not-footage-1.bin', ROOM_AT_START);
    startedAt = Date.now();
    fixture.runner = new CameraRunner(fixture.camera, fixture.ctx);
    // The worker's camera sync (RECONCILE_INTERVAL_S) is what hands the runner a pause or the volume coming back.
    fixture.sync = setInterval(() => void fixture.runner?.reloadScene().catch(() => undefined), 1_000);

    firstGap = await fixture.waitFor(
      'the footage stopped by the full volume',
      async () => (await fixture.gaps()).find((g) => g.ended === null),
      60_000,
    );
    fullAt = Date.now();
    fixture.figures.push(
      `volume ${VOLUME_MB} MB (${(filler / MB).toFixed(1)} MB not footage) full after ${seconds(fullAt - startedAt)} s`,
    );
    expect(await fixture.freeBytes()).toBeLessThan(64 * 1024);
    expect(firstGap.reason).toBe('storage_full');
    const alarm = await fixture.waitFor(
      'the recording.gap alarm',
      async () => (await fixture.alarms('recording.gap')).find((a) => a.payload.reason === 'storage_full'),
      5_000,
    );
    fixture.figures.push(
      `gap ${firstGap.reason} from ${new Date(firstGap.started).toISOString()}, alarm "${alarm.payload.reasonText}"`,
    );

    // Full, and no cleaner pass yet (it runs every RECORDING_CLEAN_INTERVAL_S, 60 s by default): analysis goes on at
    // its pace, on one stream (no reconnect loop).
    const startsBefore = fixture.starts.length;
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const counts = await fixture.vehicleCounts();
    const before = counts.filter((c) => c.started >= fullAt - WINDOW_MS && c.started < fullAt).length;
    const during = counts.filter((c) => c.started >= fullAt).length;
    fixture.figures.push(
      `vehicle counts ${before} in the ${WINDOW_MS / 1000} s before, ${during} in the ${WINDOW_MS / 1000} s full (${fixture.starts.length - startsBefore} stream restarts)`,
    );
    // One restart's worth fewer at most: ffmpeg went down with the volume and the stream was opened again at once.
    expect(during).toBeGreaterThanOrEqual(Math.max(2, before - 2));
    expect(fixture.starts.length - startsBefore).toBe(0);
    expect((await findCamera(fixture.db, fixture.camera.id))?.status).toBe('online');
    expect(await fixture.recorderState()).toMatchObject({
      state: 'error',
      reason: expect.stringMatching(/full/i),
    });
  }, 90_000);

  it('has the cleaner free the oldest unprotected footage (never the held), and recording resumes', async () => {
    const before = await fixture.segments();
    fixture.cleaner = startCleaner(
      {
        db: fixture.db,
        redis: fixture.redis,
        events: fixture.ctx.events,
        config: fixture.recording,
        leaseKey: `${fixture.schema.schema}:recording-cleaner`,
        log: (level, message, detail) =>
          fixture.logs.push(`${level} cleaner ${message} ${JSON.stringify(detail ?? {})}`),
      },
      fixture.recording.cleanIntervalS,
    );
    const cleanerAt = Date.now();
    const after = await fixture.waitFor(
      'the old unprotected footage deleted',
      async () => {
        const rows = await fixture.segments();
        return fixture.oldFree.every((o) => !rows.some((r) => r.id === o.id)) ? rows : null;
      },
      10_000,
    );
    for (const old of fixture.oldFree) expect(existsSync(old.file)).toBe(false);
    // Only those: the held segment and the young footage (within its min day) are all still there.
    const gone = before.filter((b) => !after.some((a) => a.id === b.id)).map((b) => b.id);
    expect(gone.sort()).toEqual(fixture.oldFree.map((o) => o.id).sort());
    expect(await sha256Of(fixture.held.file)).toBe(fixture.held.sha256);
    const freed = fixture.oldFree.reduce((sum, o) => sum + o.bytes, 0);

    const resumed = await fixture.waitFor(
      'a new segment after the gap',
      async () => (await fixture.segments()).find((s) => s.started >= firstGap.started),
      30_000,
    );
    // The gap runs from the last footage before the volume filled to the first after: no overlap, no hole.
    const closed = await fixture.waitFor(
      'the gap ended',
      async () => (await fixture.gaps()).find((g) => g.id === firstGap.id && g.ended !== null),
      5_000,
    );
    expect(closed.ended).toBe(resumed.started);
    fixture.figures.push(
      `cleaner freed ${(freed / MB).toFixed(1)} MB (${fixture.oldFree.length} old segments, the held one kept), recording resumed ${seconds(Date.now() - cleanerAt)} s after its first pass`,
    );
  }, 60_000);

  it('full again with only protected footage: pauses the camera (analysis goes on), resumes once space is back', async () => {
    const beforeRefill = await fixture.segments();
    await fixture.fillUntil('not-footage-2.bin', 0);
    const refilledAt = Date.now();
    await fixture.waitFor(
      'the camera paused for storage',
      async () => {
        const state = await fixture.recorderState();
        return state?.state === 'paused' ? state : null;
      },
      30_000,
    );
    const pausedAt = Date.now();
    const [paused] = await fixture.alarms('recording.paused');
    expect(paused).toMatchObject({
      ended_at: null,
      payload: expect.objectContaining({ cameraIds: [fixture.camera.id] }),
    });
    const storage = (await fixture.alarms('recording.storage')).find((a) => a.payload.condition === 'full');
    expect(storage).toBeTruthy();
    // Nothing protected went: the held segment and every young segment (within its min day) are still there.
    const rows = await fixture.segments();
    expect(beforeRefill.filter((b) => !rows.some((r) => r.id === b.id))).toEqual([]);
    expect(rows.some((r) => r.id === fixture.held.id)).toBe(true);
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const whilePaused = (await fixture.vehicleCounts()).filter((c) => c.started >= pausedAt);
    expect(whilePaused.length).toBeGreaterThanOrEqual(2);
    fixture.figures.push(
      `filled again: camera paused ${seconds(pausedAt - refilledAt)} s later, ${whilePaused.length} vehicle counts in the ${WINDOW_MS / 1000} s after`,
    );

    // Space is back (the other process's files go): the cleaner resumes the camera and recording starts again.
    await rm(path.join(fixture.volume, 'not-footage-1.bin'));
    await rm(path.join(fixture.volume, 'not-footage-2.bin'));
    const backAt = Date.now();
    const last = rows.at(-1)!;
    const resumed = await fixture.waitFor(
      'recording after the pause',
      async () => (await fixture.segments()).find((s) => s.id > last.id),
      30_000,
    );
    expect((await fixture.alarms('recording.paused'))[0]!.ended_at).not.toBeNull();
    fixture.figures.push(`space back: recording resumed after ${seconds(Date.now() - backAt)} s`);
    const open = (await fixture.gaps()).filter((g) => g.ended === null);
    expect(open).toEqual([]);
    expect(resumed.started).toBeGreaterThan(backAt - 10_000);
  }, 90_000);

  it('kept the index truthful and the analysis going throughout, with no unhandled rejection', async () => {
    await fixture.runner!.stop();
    fixture.runner = null;
    const rows = await fixture.segments();
    for (const row of rows) {
      const file = path.join(fixture.volume, row.path);
      expect(existsSync(file), row.path).toBe(true);
      expect(await sha256Of(file), row.path).toBe(row.sha256);
    }
    // The last segment before each storage_full gap: indexed for no more than its frames can show (the muxer lists a
    // segment cut mid-fragment with its full span; its fragment boxes even claim it, so ffprobe's duration would too).
    const fullGaps = (await fixture.gaps()).filter((g) => g.reason === 'storage_full');
    expect(fullGaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of fullGaps) {
      const last = rows.find((r) => r.ended === gap.started)!;
      expect(last, `footage up to the gap at ${new Date(gap.started).toISOString()}`).toBeTruthy();
      const shown = (await decodedFrames(path.join(fixture.volume, last.path))) / FPS;
      const claimed = (last.ended - last.started) / 1000;
      fixture.figures.push(
        `last segment before the gap: ${claimed.toFixed(2)} s indexed${last.interrupted ? ' (interrupted)' : ''}, ${shown.toFixed(2)} s of frames`,
      );
      expect(shown).toBeGreaterThanOrEqual(claimed - 1 / FPS);
    }
    expect(await readdir(incomingDir(fixture.volume, fixture.camera.id))).toEqual([]);
    const counts = await fixture.vehicleCounts();
    const holes = counts.slice(1).map((c, i) => c.started - counts[i]!.ended);
    fixture.figures.push(
      `vehicle counts kept coming: ${counts.length}, longest hole ${seconds(Math.max(...holes))} s`,
    );
    // Restarts on purpose (pause, resume) only: the camera never went down with the volume.
    expect(Math.max(...holes)).toBeLessThan(6_000);
    expect(fixture.logs.filter((line) => line.includes('camera down'))).toEqual([]);
    expect(fixture.rejections).toEqual([]);
  }, 30_000);
});
