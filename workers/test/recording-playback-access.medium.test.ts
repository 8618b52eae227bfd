// Medium: who may play recorded footage back (admins and operators; only what they play is audited), bad input refused
// with a reason in English and Thai, and an unconfigured or unmounted recordings volume (503), on the real server
// over the footage of playback-fixture.ts.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { iso, playlistUrl, usePlaybackFixture, stillUrl, T0, timelineUrl } from './playback-fixture';

const fixture = usePlaybackFixture();

describe('who may play footage back', () => {
  it('is admins and operators only: viewers, planners and police are refused, strangers asked to sign in', async () => {
    const urls = [
      timelineUrl(fixture.cameraId, T0, T0 + 60_000),
      playlistUrl(fixture.cameraId, T0, T0 + 60_000),
      `/api/recordings/segments/${fixture.segments[0]!.id}`,
      stillUrl(fixture.cameraId, T0 + 1_000),
    ];
    const before = (
      await fixture.app.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'recording.%'",
      )
    ).rows[0]!.n;
    for (const url of urls) {
      for (const role of ['viewer', 'planner', 'police'] as const)
        expect((await fixture.as(role, { url })).statusCode, `${role} ${url}`).toBe(403);
      expect((await fixture.as(null, { url })).statusCode, `anonymous ${url}`).toBe(401);
      for (const role of ['admin', 'operator'] as const)
        expect((await fixture.as(role, { url })).statusCode, `${role} ${url}`).toBeLessThan(300);
    }
    const after = (
      await fixture.app.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'recording.%'",
      )
    ).rows[0]!.n;
    // Admin and operator each: one playlist and one still.
    expect(after - before).toBe(4);
  });
});

describe('bad input', () => {
  it('is refused with a 4xx and a reason in English and Thai, never a 500', async () => {
    const cases: [string, number][] = [
      [timelineUrl(fixture.cameraId, T0 + 60_000, T0), 400],
      [timelineUrl(fixture.cameraId, T0, T0), 400],
      [timelineUrl(fixture.cameraId, T0, T0 + 8 * 86_400_000), 400],
      [playlistUrl(fixture.cameraId, T0, T0 + 6 * 3_600_000 + 1_000), 400],
      [playlistUrl(fixture.cameraId, T0 + 60_000, T0), 400],
      [`/api/recordings/${fixture.cameraId}/timeline?from=yesterday&to=${iso(T0)}`, 400],
      [`/api/recordings/${fixture.cameraId}/timeline?from=${iso(T0)}`, 400],
      [
        `/api/recordings/${fixture.cameraId}/playlist.m3u8?from=${iso(T0)}&to=${iso(T0 + 1_000)}&extra=1`,
        400,
      ],
      [stillUrl(fixture.cameraId, 'not-a-time'), 400],
      [stillUrl(fixture.cameraId, '2031-03-14T23:59:60Z'), 400],
      [`/api/recordings/abc/timeline?from=${iso(T0)}&to=${iso(T0 + 1_000)}`, 400],
      ['/api/recordings/segments/0', 400],
      ['/api/recordings/segments/99999999999', 400],
      [timelineUrl(999_999, T0, T0 + 60_000), 404],
      [playlistUrl(999_999, T0, T0 + 60_000), 404],
      [stillUrl(999_999, T0 + 1_000), 404],
    ];
    for (const [url, status] of cases) {
      const reply = await fixture.as('admin', { url });
      expect(reply.statusCode, `${url}: ${reply.body}`).toBe(status);
      const body = reply.json<{ message: string; messageTh: string }>();
      expect(body.message, url).toBeTruthy();
      expect(body.messageTh, url).toBeTruthy();
    }
  });
});

describe('recordings volume', () => {
  it('answers 503 with the reason when RECORDINGS_DIR is not set', async () => {
    for (const url of [
      timelineUrl(fixture.cameraId, T0, T0 + 60_000),
      playlistUrl(fixture.cameraId, T0, T0 + 60_000),
      `/api/recordings/segments/${fixture.segments[0]!.id}`,
      stillUrl(fixture.cameraId, T0 + 1_000),
    ]) {
      const reply = await fixture.as('operator', { url }, fixture.unconfigured);
      expect(reply.statusCode, url).toBe(503);
      const body = reply.json<{ message: string; messageTh: string }>();
      expect(body.message).toContain('RECORDINGS_DIR');
      expect(body.messageTh).toContain('RECORDINGS_DIR');
    }
  });

  it('answers 503, not 410, when the volume is unmounted (no marker file)', async () => {
    const marker = path.join(fixture.recordingsDir, RECORDINGS_MARKER);
    await rm(marker);
    try {
      const playlist = await fixture.as('operator', { url: playlistUrl(fixture.cameraId, T0, T0 + 60_000) });
      expect(playlist.statusCode).toBe(503);
      expect(playlist.json<{ message: string }>().message).toContain(RECORDINGS_MARKER);
      expect(playlist.body).not.toContain(fixture.recordingsDir);
      // The index still draws the timeline.
      expect(
        (await fixture.as('operator', { url: timelineUrl(fixture.cameraId, T0, T0 + 60_000) })).statusCode,
      ).toBe(200);
    } finally {
      await writeFile(marker, '');
    }
  });
});
