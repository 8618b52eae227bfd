// Medium: what the recordings cleaner deletes, on real PostGIS, Redis and files. Footage past its camera's max days,
// and under space pressure (quota or free-space floor) the oldest footage across cameras first; never footage under an
// active hold (but once the hold is released or expired; a hold made while a pass runs is honoured) nor footage
// younger than its camera's min days. The one seam: the free space figure, the pretend disk of cleaner-fixture.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertCameraRecording } from '@toc/server/repositories/camera-recording.repository';
import { insertEvidenceHold } from '@toc/server/repositories/evidence-holds.repository';
import { cleanOnce, SPACE_MARGIN_FRACTION } from '../src/record/cleaner';
import { DAY, SEGMENT, useCleanerFixture } from './cleaner-fixture';

const fixture = useCleanerFixture();

describe('retention by age', () => {
  it("deletes footage past its camera's max days (row, file, emptied date folder) and keeps the rest", async () => {
    await upsertCameraRecording(fixture.app.db, fixture.cameras.low, {
      enabled: true,
      minDays: 2,
      maxDays: 10,
      priority: 10,
    });
    const lowOld = await fixture.segment(fixture.cameras.low, 11);
    const lowKept = await fixture.segment(fixture.cameras.low, 9);
    // 'high' keeps 30 days; 'off' has no settings: the defaults (30 days).
    const highOld = await fixture.segment(fixture.cameras.high, 31);
    const highKept = await fixture.segment(fixture.cameras.high, 20);
    const offOld = await fixture.segment(fixture.cameras.off, 40);
    const gone = await fixture.segment(fixture.cameras.off, 35, { file: false });

    const report = await cleanOnce(fixture.context());
    expect(report).toMatchObject({ available: true, deletedByAge: 4, deletedForSpace: 0, paused: [] });
    expect(await fixture.indexed()).toEqual([highKept, lowKept]);
    for (const relative of [lowOld, highOld, offOld]) expect(fixture.onDisk(relative), relative).toBe(false);
    for (const relative of [lowKept, highKept]) expect(fixture.onDisk(relative), relative).toBe(true);
    // The emptied date folders go; the camera folders and the volume stay.
    expect(existsSync(path.join(fixture.dir, path.dirname(lowOld)))).toBe(false);
    expect(existsSync(path.join(fixture.dir, path.dirname(lowKept)))).toBe(true);
    expect(existsSync(path.join(fixture.dir, String(fixture.cameras.off)))).toBe(true);
    // A file already gone is a warning in the log, not a failure.
    expect(fixture.logged).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        detail: expect.objectContaining({ path: gone, code: 'ENOENT' }),
      }),
    );
  });
});

describe('retention under space pressure', () => {
  it('deletes the oldest footage across cameras first, just enough to get back under the quota with the margin', async () => {
    const made: string[] = [];
    for (let i = 0; i < 12; i++)
      made.push(await fixture.segment(i % 2 ? fixture.cameras.low : fixture.cameras.high, 20 - i));
    const quota = 10 * SEGMENT;
    const report = await cleanOnce(fixture.context({ quotaBytes: quota }));
    // 12 kB used: 2 kB over, plus the margin (5 % of the quota: 500 B) → three segments, the three oldest, both cameras.
    expect(SPACE_MARGIN_FRACTION * quota).toBe(500);
    expect(report).toMatchObject({
      deletedByAge: 0,
      deletedForSpace: 3,
      freedBytes: 3 * SEGMENT,
      paused: [],
    });
    expect(await fixture.indexed()).toEqual(made.slice(3));
    for (const relative of made.slice(0, 3)) expect(fixture.onDisk(relative)).toBe(false);
    // Under the quota now: the next pass deletes nothing.
    expect((await cleanOnce(fixture.context({ quotaBytes: quota }))).deletedForSpace).toBe(0);
  });

  it('frees space for the free-space floor as well', async () => {
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push(await fixture.segment(fixture.cameras.low, 10 - i));
    fixture.diskBytes = 6 * SEGMENT + 1500; // 1.5 kB free; the floor wants 3 kB (plus the margin)
    const report = await cleanOnce(fixture.context({ quotaBytes: 1e6, freeFloorBytes: 3 * SEGMENT }));
    // Short by 1.5 kB, plus the margin (50 kB: 5 % of the quota) → everything that may go, oldest first.
    expect(report.deletedForSpace).toBe(6);
    expect(await fixture.indexed()).toEqual([]);
  });

  it('never deletes footage younger than its min days, even while still short', async () => {
    await upsertCameraRecording(fixture.app.db, fixture.cameras.high, {
      enabled: true,
      minDays: 5,
      maxDays: 30,
      priority: 80,
    });
    const old = await fixture.segment(fixture.cameras.high, 6);
    const young = [
      await fixture.segment(fixture.cameras.high, 4),
      await fixture.segment(fixture.cameras.high, 1),
      await fixture.segment(fixture.cameras.low, 1),
    ];
    const report = await cleanOnce(fixture.context({ quotaBytes: SEGMENT }));
    expect(report.deletedForSpace).toBe(1);
    expect(await fixture.indexed()).toEqual(young);
    expect(fixture.onDisk(old)).toBe(false);
    for (const relative of young) expect(fixture.onDisk(relative)).toBe(true);
  });
});

describe('evidence holds', () => {
  it('keeps held footage from age and space pressure alike, and lets it go once released or expired', async () => {
    const heldOld = await fixture.segment(fixture.cameras.low, 40); // past max days, under an active hold
    const heldSpace = await fixture.segment(fixture.cameras.low, 10); // deletable for space, under the same camera's other hold
    const releasedOld = await fixture.segment(fixture.cameras.high, 40);
    const expiredOld = await fixture.segment(fixture.cameras.high, 39);
    const free = await fixture.segment(fixture.cameras.high, 12);
    const active = await fixture.hold(fixture.cameras.low, 41, 39, { expiresAt: new Date(Date.now() + DAY) });
    await fixture.hold(fixture.cameras.low, 11, 9);
    await fixture.hold(fixture.cameras.high, 41, 39.5, { released: true });
    await fixture.hold(fixture.cameras.high, 39.5, 38, { expiresAt: new Date(Date.now() - 1000) });
    // A hold on another camera over the same time protects nothing here.
    await fixture.hold(fixture.cameras.off, 13, 11);

    const report = await cleanOnce(fixture.context({ quotaBytes: SEGMENT }));
    expect(report).toMatchObject({ deletedByAge: 2, deletedForSpace: 1 });
    expect(await fixture.indexed()).toEqual([heldOld, heldSpace]);
    for (const relative of [releasedOld, expiredOld, free]) expect(fixture.onDisk(relative)).toBe(false);
    expect(fixture.onDisk(heldOld) && fixture.onDisk(heldSpace)).toBe(true);

    await fixture.app.db.query(
      "UPDATE evidence_holds SET released_at = now(), released_by = $2, release_reason = 'case closed' WHERE id = $1",
      [active, fixture.adminId],
    );
    await cleanOnce(fixture.context({ quotaBytes: SEGMENT }));
    expect(await fixture.indexed()).toEqual([heldSpace]);
    expect(fixture.onDisk(heldOld)).toBe(false);
  });
});

describe('a hold made while the cleaner runs', () => {
  it('is honoured: a delete that starts while the hold is being made waits for it and then spares its footage', async () => {
    const held = await fixture.segment(fixture.cameras.low, 40);
    // The hold is inserted (under the retention lock) but not committed yet when the pass starts.
    const maker = await fixture.app.db.connect();
    try {
      await maker.query('BEGIN');
      const from = new Date(Date.now() - 41 * DAY).toISOString();
      const to = new Date(Date.now() - 39 * DAY).toISOString();
      await insertEvidenceHold(
        maker,
        { cameraId: fixture.cameras.low, from, to, reason: 'request 7/2569' },
        fixture.adminId,
      );
      let finished = false;
      const pass = cleanOnce(fixture.context()).finally(() => {
        finished = true;
      });
      // Wait until the pass's delete is queued behind the lock (or, without the lock, has run already).
      for (let waiting = 0; !finished && waiting === 0;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        waiting = (
          await fixture.app.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE l.locktype = 'advisory' AND NOT l.granted AND a.query LIKE '%recording-retention%'`,
          )
        ).rows[0]!.n;
      }
      await maker.query('COMMIT');
      expect((await pass).deletedByAge).toBe(0);
    } finally {
      maker.release();
    }
    expect(await fixture.indexed()).toEqual([held]);
    expect(fixture.onDisk(held)).toBe(true);
  });
});
