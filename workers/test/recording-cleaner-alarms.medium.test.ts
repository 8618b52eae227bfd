// Medium: the recordings cleaner's alarms and lease, on real PostGIS, Redis and files. With only protected footage
// left it pauses the lowest-priority cameras, raises the alarm, and resumes them when space is back; it forecasts the
// hours of space left; it refuses to touch anything when the volume is missing or unmarked (alarm, no directory
// created); one worker cleans at a time. The one seam: the free space figure, the pretend disk of cleaner-fixture.ts.
import { rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { cleanOnce } from '../src/record/cleaner';
import { RedisLease } from '../src/lib/redis-lease';
import { SEGMENT, useCleanerFixture } from './cleaner-fixture';

const fixture = useCleanerFixture();

describe('only protected footage left', () => {
  it('pauses the lowest-priority camera, one more each pass, raises the alarm, deletes nothing, and resumes when space is back', async () => {
    const young = [
      await fixture.segment(fixture.cameras.high, 1.5),
      await fixture.segment(fixture.cameras.low, 1),
      await fixture.segment(fixture.cameras.high, 0.5),
    ];
    await fixture.hold(fixture.cameras.low, 30, 20);
    const old = await fixture.segment(fixture.cameras.low, 25); // old enough, but held
    const config = { quotaBytes: 2 * SEGMENT };

    const first = await cleanOnce(fixture.context(config));
    expect(first).toMatchObject({ deletedByAge: 0, deletedForSpace: 0, paused: [fixture.cameras.low] });
    expect(await fixture.paused()).toEqual([
      { camera_id: fixture.cameras.low, paused_reason: 'storage_full' },
    ]);
    let [alarm] = await fixture.alarms('recording.paused');
    expect(alarm).toMatchObject({
      ended_at: null,
      occurrences: 1,
      severity: 'high',
      payload: expect.objectContaining({ cameraIds: [fixture.cameras.low] }),
    });
    expect(JSON.stringify(alarm!.payload)).toMatch(/[\u0E00-\u0E7F]/);
    // Full: the storage alarm says so too.
    expect((await fixture.alarms('recording.storage'))[0]).toMatchObject({
      ended_at: null,
      payload: expect.objectContaining({ condition: 'full', hoursLeft: 0 }),
    });

    // Still short: the next camera up (the disabled one is not recording, so never paused); the same alarm, counted.
    expect((await cleanOnce(fixture.context(config))).paused).toEqual([fixture.cameras.high]);
    expect((await fixture.paused()).map((p) => p.camera_id)).toEqual(
      [fixture.cameras.low, fixture.cameras.high].sort((a, b) => a - b),
    );
    [alarm] = await fixture.alarms('recording.paused');
    expect(alarm).toMatchObject({
      occurrences: 2,
      payload: expect.objectContaining({ cameraIds: [fixture.cameras.high, fixture.cameras.low] }),
    });
    // Nobody left to pause: nothing changes, and the alarm is not counted again.
    expect((await cleanOnce(fixture.context(config))).paused).toEqual([]);
    expect((await fixture.alarms('recording.paused'))[0]!.occurrences).toBe(2);
    expect(await fixture.indexed()).toEqual([old, ...young]);

    // The hold is released: the old footage may go, and with it below the quota by the margin, recording resumes.
    await fixture.app.db.query(
      "UPDATE evidence_holds SET released_at = now(), released_by = $1, release_reason = 'case closed'",
      [fixture.adminId],
    );
    const back = await cleanOnce(fixture.context({ quotaBytes: 4 * SEGMENT }));
    expect(back).toMatchObject({ deletedForSpace: 1, resumed: [fixture.cameras.high, fixture.cameras.low] });
    expect(await fixture.paused()).toEqual([]);
    expect((await fixture.alarms('recording.paused'))[0]!.ended_at).not.toBeNull();
    expect(await fixture.indexed()).toEqual(young);
  });
});

describe('storage forecast', () => {
  it('raises the storage-low alarm with the hours left at the current write rate, and ends it when there is room again', async () => {
    // 5 segments written in the last hour, all under their camera's 2 min days: kept at this rate, protected footage
    // would level off at 5 × 24 × 2 segments, far over a 20-segment quota; it fills the rest in 3 hours.
    for (let i = 0; i < 5; i++) await fixture.segment(fixture.cameras.low, 0.01);
    const report = await cleanOnce(fixture.context({ quotaBytes: 20 * SEGMENT }));
    expect(report.hoursLeft).toBe(3);
    const [alarm] = await fixture.alarms('recording.storage');
    expect(alarm).toMatchObject({
      ended_at: null,
      severity: 'medium',
      payload: expect.objectContaining({ condition: 'low', hoursLeft: 3 }),
    });
    // Checked again: the same alarm, not another occurrence.
    await cleanOnce(fixture.context({ quotaBytes: 20 * SEGMENT }));
    expect(await fixture.alarms('recording.storage')).toHaveLength(1);
    expect((await fixture.alarms('recording.storage'))[0]!.occurrences).toBe(1);

    // Room for everything min days protects at this rate: no shortage ahead (a full quota alone is normal).
    expect((await cleanOnce(fixture.context({ quotaBytes: 1e9 }))).hoursLeft).toBeNull();
    expect((await fixture.alarms('recording.storage'))[0]!.ended_at).not.toBeNull();
  });
});

describe('volume unavailable', () => {
  it('raises the volume alarm and touches nothing when the folder is missing or unmarked; silent when not configured', async () => {
    const expired = await fixture.segment(fixture.cameras.low, 40);
    const before = await fixture.indexed();
    const missing = path.join(fixture.root, 'not-mounted');
    await rm(path.join(fixture.dir, RECORDINGS_MARKER));

    for (const config of [{ dir: null }, { dir: missing }, { dir: fixture.dir }]) {
      const report = await cleanOnce(fixture.context({ ...config, quotaBytes: 1 }));
      expect(report).toMatchObject({ available: false, deletedByAge: 0, deletedForSpace: 0, paused: [] });
    }
    expect(existsSync(missing)).toBe(false);
    expect(await fixture.indexed()).toEqual(before);
    expect(fixture.onDisk(expired)).toBe(true);
    expect(await fixture.paused()).toEqual([]);
    // Not configured is a deployment's choice, not an alarm; then one alarm, counted when the reason changed
    // (missing → unmarked), and not again for the same reason.
    const [alarm, ...more] = await fixture.alarms('recording.volume');
    expect(more).toEqual([]);
    expect(alarm).toMatchObject({
      ended_at: null,
      severity: 'critical',
      occurrences: 2,
      payload: expect.objectContaining({ problem: 'unmarked' }),
    });
    await cleanOnce(fixture.context());
    expect((await fixture.alarms('recording.volume'))[0]!.occurrences).toBe(2);

    // The volume is back: the alarm ends and the cleaning happens.
    await writeFile(path.join(fixture.dir, RECORDINGS_MARKER), '');
    expect((await cleanOnce(fixture.context())).deletedByAge).toBe(1);
    expect((await fixture.alarms('recording.volume'))[0]!.ended_at).not.toBeNull();
  });
});

describe('one cleaner at a time', () => {
  it('gives the lease to one worker, renews it for that worker only, and frees it on release', async () => {
    const key = `${fixture.schema.schema}:recording-cleaner`;
    const one = new RedisLease(fixture.redis, key, 60_000);
    const two = new RedisLease(fixture.redis, key, 60_000);
    expect(await one.acquire()).toBe(true);
    expect(await two.acquire()).toBe(false);
    expect(await one.acquire()).toBe(true);
    await two.release(); // not its lease: nothing happens
    expect(await two.acquire()).toBe(false);
    await one.release();
    expect(await two.acquire()).toBe(true);
    await two.release();
  });
});
