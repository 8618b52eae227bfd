// Medium: what recorded footage shows, on the real server, PostGIS and ffmpeg (the footage of playback-fixture.ts): the
// timeline of a window (spans merged and cut to it, gaps with their reasons, events, holds in force) and the still
// frame at an instant, the same frame ffmpeg decodes from the recorded stream, audited; 404 with the reason for none.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { CameraTimeline } from '@toc/server/schemas';
import type { IndexedSegment } from './recorded-footage';
import { iso, run, usePlaybackFixture, stillUrl, T0, timelineUrl } from './playback-fixture';

const fixture = usePlaybackFixture();

describe('timeline', () => {
  it('merges adjacent segments into spans and shows the gap with its reason, the events and the holds in force', async () => {
    const reply = await fixture.as('operator', {
      url: timelineUrl(fixture.cameraId, T0 - 60_000, T0 + 120_000),
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const timeline = reply.json<CameraTimeline>();
    const bytes = (run: IndexedSegment[]) => run.reduce((sum, s) => sum + s.bytes, 0);
    expect(timeline.spans).toEqual([
      {
        from: iso(T0),
        to: iso(fixture.gap.from),
        segments: fixture.firstRun.length,
        bytes: bytes(fixture.firstRun),
      },
      {
        from: iso(fixture.gap.to),
        to: iso(fixture.secondRun[fixture.secondRun.length - 1]!.endedAt),
        segments: fixture.secondRun.length,
        bytes: bytes(fixture.secondRun),
      },
    ]);
    expect(timeline.gaps).toEqual([
      {
        id: expect.any(Number),
        cameraId: fixture.cameraId,
        from: iso(fixture.gap.from),
        to: iso(fixture.gap.to),
        reason: 'camera_offline',
        detail: 'no RTSP answer',
      },
    ]);
    expect(timeline.events).toEqual([
      {
        id: fixture.eventId,
        type: 'traffic.stopped_vehicle',
        severity: 'medium',
        startedAt: iso(T0 + 5_000),
        endedAt: iso(T0 + 9_000),
      },
    ]);
    expect(timeline.holds).toEqual([{ id: expect.any(Number), from: iso(T0), to: iso(T0 + 30_000) }]);
  });

  it('cuts spans to the window, finds a gap begun before it, and leaves out what lies outside', async () => {
    const timeline = (
      await fixture.as('admin', { url: timelineUrl(fixture.cameraId, T0 + 10_000, fixture.gap.to + 3_000) })
    ).json<CameraTimeline>();
    expect(timeline.spans.map((s) => [s.from, s.to])).toEqual([
      [iso(T0 + 10_000), iso(fixture.gap.from)],
      [iso(fixture.gap.to), iso(fixture.gap.to + 3_000)],
    ]);
    const inGap = (
      await fixture.as('admin', {
        url: timelineUrl(fixture.cameraId, fixture.gap.from + 10_000, fixture.gap.from + 20_000),
      })
    ).json<CameraTimeline>();
    expect(inGap.spans).toEqual([]);
    expect(inGap.gaps.map((g) => g.reason)).toEqual(['camera_offline']);
    expect(inGap.events).toEqual([]);
    const later = (
      await fixture.as('admin', { url: timelineUrl(fixture.cameraId, T0 + 200_000, T0 + 300_000) })
    ).json<CameraTimeline>();
    expect([later.spans, later.gaps, later.events, later.holds]).toEqual([[], [], [], []]);
  });

  it('joins segments less than 1.5 s apart and splits at a longer hole (a worker_died gap is recorded for it)', async () => {
    const base = T0 + 86_400_000;
    await fixture.indexSynthetic(
      fixture.otherCameraId,
      [
        [base, base + 10_000],
        [base + 11_200, base + 21_200],
        [base + 23_500, base + 33_500],
      ],
      'join',
    );
    const timeline = (
      await fixture.as('operator', { url: timelineUrl(fixture.otherCameraId, base - 1_000, base + 60_000) })
    ).json<CameraTimeline>();
    expect(timeline.spans).toEqual([
      { from: iso(base), to: iso(base + 21_200), segments: 2, bytes: 2000 },
      { from: iso(base + 23_500), to: iso(base + 33_500), segments: 1, bytes: 1000 },
    ]);
    expect(timeline.gaps.map((g) => [g.reason, g.from, g.to])).toEqual([
      ['worker_died', iso(base + 21_200), iso(base + 23_500)],
    ]);
  });
});

describe('stills', () => {
  const pixels = (jpeg: Buffer) => sharp(jpeg).raw().toBuffer();
  const meanDifference = (a: Buffer, b: Buffer) =>
    a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length;

  it('returns the recorded frame at an instant as a JPEG, audited', async () => {
    const before = await fixture.countAudit('recording.still.view', `camera:${fixture.cameraId}`);
    const reply = await fixture.as('operator', { url: stillUrl(fixture.cameraId, T0 + 10_500) });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toBe('image/jpeg');
    expect([...reply.rawPayload.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await sharp(reply.rawPayload).metadata()).toMatchObject({
      format: 'jpeg',
      width: 640,
      height: 360,
    });
    // The same frame as decoding the recorded stream itself at 10.5 s.
    const { stdout } = await run(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-ss',
        '10.5',
        '-i',
        path.join(fixture.root, 'incoming', 'camera-stream.mp4'),
        '-frames:v',
        '1',
        '-q:v',
        '3',
        '-f',
        'image2',
        '-c:v',
        'mjpeg',
        'pipe:1',
      ],
      { encoding: 'buffer' },
    );
    expect(meanDifference(await pixels(reply.rawPayload), await pixels(stdout))).toBeLessThan(1);
    expect(await fixture.countAudit('recording.still.view', `camera:${fixture.cameraId}`)).toBe(before + 1);
    const { rows } = await fixture.app.db.query<{ detail: unknown }>(
      "SELECT detail FROM audit_log WHERE action = 'recording.still.view' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]!.detail).toEqual({ at: iso(T0 + 10_500), segmentId: fixture.segments[2]!.id });
  });

  it('takes the last frame for an instant in its time on screen at the end of a segment', async () => {
    const reply = await fixture.as('operator', {
      url: stillUrl(fixture.cameraId, fixture.segments[0]!.endedAt - 10),
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(await sharp(reply.rawPayload).metadata()).toMatchObject({ width: 640, height: 360 });
  });

  it('answers 404 naming the gap reason, or that nothing was recorded, and audits nothing', async () => {
    const before = await fixture.countAudit('recording.still.view', `camera:${fixture.cameraId}`);
    const inGap = await fixture.as('operator', {
      url: stillUrl(fixture.cameraId, fixture.gap.from + 30_000),
    });
    expect(inGap.statusCode).toBe(404);
    expect(inGap.json<{ message: string; messageTh: string }>()).toMatchObject({
      message: expect.stringContaining('the camera was offline'),
      messageTh: expect.stringContaining('กล้องออฟไลน์'),
    });
    const never = await fixture.as('operator', { url: stillUrl(fixture.cameraId, T0 - 3_600_000) });
    expect(never.statusCode).toBe(404);
    expect(never.json<{ message: string }>().message).toContain('nothing was recorded');
    expect(await fixture.countAudit('recording.still.view', `camera:${fixture.cameraId}`)).toBe(before);
  });
});
