// Medium: per-camera recording settings and the recording overview on real PostGIS. Settings show the configured
// defaults until an admin changes them (audited with before and after); bad values are a 4xx with a reason in Thai
// and English and change nothing. The overview gives the volume's figures and per camera its footage, bitrate, gaps
// today, worker report and forecast, or why the volume is unavailable. The overview's checks read the settings the
// settings tests leave on camera A, so the two stay in this file, in this order.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORDINGS_MARKER } from '../src/recording-config';
import type { CameraRecordingSettings, RecordingOverview } from '../src/schemas';
import { at, DAY, expectReason, NOW, useRecordingAdminFixture } from './recording-admin-fixture';

const fixture = useRecordingAdminFixture();

describe('recording settings', () => {
  it('shows the configured defaults for a camera without settings, and 404 for no camera', async () => {
    const reply = await fixture.as('operator', {
      method: 'GET',
      url: `/api/cameras/${fixture.cameraB}/recording`,
    });
    expect(reply.json<CameraRecordingSettings>()).toEqual({
      enabled: true,
      minDays: 3,
      maxDays: 30,
      priority: 50,
    });
    expectReason(await fixture.as('operator', { method: 'GET', url: '/api/cameras/999999/recording' }), 404);
  });

  it('stores an admin change, audited with before and after', async () => {
    const settings = { enabled: true, minDays: 7.5, maxDays: 60, priority: 90 };
    const reply = await fixture.as('admin', {
      method: 'PUT',
      url: `/api/cameras/${fixture.cameraA}/recording`,
      payload: settings,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toEqual(settings);
    expect(
      (
        await fixture.as('operator', { method: 'GET', url: `/api/cameras/${fixture.cameraA}/recording` })
      ).json(),
    ).toEqual(settings);
    expect(await fixture.lastAudit()).toMatchObject({
      action: 'camera.recording.update',
      target: `camera:${fixture.cameraA}`,
      detail: {
        before: { enabled: true, minDays: 3, maxDays: 30, priority: 50, custom: false },
        after: settings,
      },
    });
  });

  it('refuses min days over max days and values out of range, changing nothing', async () => {
    const before = await Promise.all([fixture.count('camera_recording'), fixture.count('audit_log')]);
    const url = `/api/cameras/${fixture.cameraA}/recording`;
    const bad = [
      { enabled: true, minDays: 10, maxDays: 5, priority: 50 },
      { enabled: true, minDays: -1, maxDays: 5, priority: 50 },
      { enabled: true, minDays: 0, maxDays: 0, priority: 50 },
      { enabled: true, minDays: 1, maxDays: 5, priority: 101 },
      { enabled: true, minDays: 1, maxDays: 5 },
    ];
    for (const payload of bad) expectReason(await fixture.as('admin', { method: 'PUT', url, payload }), 400);
    expectReason(
      await fixture.as('admin', {
        method: 'PUT',
        url: '/api/cameras/999999/recording',
        payload: { enabled: true, minDays: 1, maxDays: 5, priority: 5 },
      }),
      404,
    );
    expect(await Promise.all([fixture.count('camera_recording'), fixture.count('audit_log')])).toEqual(
      before,
    );
    expect((await fixture.as('admin', { method: 'GET', url })).json<CameraRecordingSettings>().maxDays).toBe(
      60,
    );
  });
});

describe('recording overview', () => {
  it('gives the volume figures and per camera its footage, bitrate, gaps today, worker report and forecast', async () => {
    await fixture.app.db.query('DELETE FROM recording_segments');
    await fixture.app.db.query('DELETE FROM evidence_holds');
    // Camera A: 10 days of history, and the last hour at 1 Mbit/s (125 kB per second).
    await fixture.insertSegment(fixture.cameraA, 10 * DAY, 5000);
    for (let i = 0; i < 6; i++)
      await fixture.insertSegment(fixture.cameraA, 2 * 60_000 + i * 10_000, 1_250_000);
    // Camera B: one segment two days ago, held.
    await fixture.insertSegment(fixture.cameraB, 2 * DAY, 7000);
    await fixture.as('admin', {
      method: 'POST',
      url: '/api/evidence-holds',
      payload: fixture.holdBody({
        cameraId: fixture.cameraB,
        from: at(3 * DAY).toISOString(),
        to: at(DAY).toISOString(),
      }),
    });
    // Gaps: one since Bangkok midnight (17:00 UTC yesterday), one just before it.
    await fixture.app.db.query(
      `INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason) VALUES ($1, '2031-03-13T17:30:00Z', '2031-03-13T17:40:00Z', 'camera_offline'),
              ($1, '2031-03-13T16:50:00Z', '2031-03-13T16:55:00Z', 'worker_died')`,
      [fixture.cameraA],
    );
    const worker = {
      state: 'recording',
      reason: null,
      bitrateKbps: 998,
      lastSegmentAt: at(2 * 60_000).toISOString(),
    };
    await fixture.app.db.query(
      `UPDATE cameras SET health = jsonb_build_object('workerId', 'w1', 'recording', $2::jsonb) WHERE id = $1`,
      [fixture.cameraA, JSON.stringify(worker)],
    );
    await fixture.app.db.query(
      `INSERT INTO camera_recording (camera_id, min_days, max_days, priority, paused_at, paused_reason) VALUES ($1, 3, 30, 5, $2, 'storage_full')
       ON CONFLICT (camera_id) DO UPDATE SET paused_at = $2, paused_reason = 'storage_full'`,
      [fixture.cameraB, NOW],
    );

    const reply = await fixture.as('operator', { method: 'GET', url: '/api/recordings/overview' });
    expect(reply.statusCode, reply.body).toBe(200);
    const { storage, cameras } = reply.json<RecordingOverview>();
    expect(storage).toMatchObject({
      volume: fixture.recordingsDir,
      available: true,
      reason: null,
      quotaBytes: 1e12,
      usedBytes: 5000 + 6 * 1_250_000 + 7000,
      heldBytes: 7000,
    });
    expect(storage.freeBytes).toBeGreaterThan(0);
    // Indexed in the last hour: the six recent segments.
    expect(storage.writeBytesPerHour).toBe(6 * 1_250_000);
    // A terabyte holds what min days protects at this rate for good: no shortage ahead.
    expect(storage.hoursLeft).toBeNull();

    const a = cameras.find((c) => c.cameraId === fixture.cameraA)!;
    const b = cameras.find((c) => c.cameraId === fixture.cameraB)!;
    expect(a).toMatchObject({
      enabled: true,
      worker,
      pausedReason: null,
      lastSegmentAt: at(2 * 60_000).toISOString(),
      bitrateKbps: 1000,
      gapsToday: 1,
      bytesHeld: 5000 + 6 * 1_250_000,
      minDays: 7.5,
      maxDays: 60,
      priority: 90,
    });
    expect(a.daysHeld).toBeCloseTo(10, 2);
    // The only camera writing (B is paused) has all the room there is (the quota, or this machine's disk), up to its 60 days.
    const capacity = Math.min(
      storage.quotaBytes,
      storage.usedBytes + storage.freeBytes - storage.freeFloorBytes,
    );
    expect(a.daysForecast).toBeCloseTo(Math.min(60, capacity / ((1_000_000 / 8) * 86_400)), 6);
    // B's last hour of footage is its one 10 s segment, two days ago; paused, it keeps what it has up to its max days.
    expect(b).toMatchObject({
      worker: null,
      pausedReason: 'storage_full',
      bitrateKbps: 5.6,
      gapsToday: 0,
      bytesHeld: 7000,
      priority: 5,
      daysForecast: 30,
    });
  });

  it('says why the volume is unavailable, in English and Thai, without naming its path', async () => {
    await rm(path.join(fixture.recordingsDir, RECORDINGS_MARKER));
    try {
      const { storage } = (
        await fixture.as('operator', { method: 'GET', url: '/api/recordings/overview' })
      ).json<RecordingOverview>();
      expect(storage).toMatchObject({ available: false, freeBytes: 0, hoursLeft: null });
      expect(storage.reason).toContain(RECORDINGS_MARKER);
      expect(storage.reason).toMatch(/[\u0E00-\u0E7F]/);
      expect(storage.reason).not.toContain(fixture.recordingsDir);
    } finally {
      await writeFile(path.join(fixture.recordingsDir, RECORDINGS_MARKER), '');
    }
  });
});
