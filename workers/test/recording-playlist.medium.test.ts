// Medium: HLS playback of recorded footage on the real server, PostGIS and ffmpeg (the footage of playback-fixture.ts):
// the playlist of a window (maps, wall-clock starts, byte ranges; VOD or an open EVENT playlist), its audit row, a
// window without footage, real ffmpeg playing it over HTTP with the session cookie, and the segment files it points
// at served by byte range, whole with their hash, gone (410) or no longer matching their index (409).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_US } from '../src/record/segment-output';
import { FPS, iso, NOW, playlistUrl, run, usePlaybackFixture, T0 } from './playback-fixture';

const fixture = usePlaybackFixture();

describe('playlist', () => {
  const parse = (text: string) => {
    const lines = text.trim().split('\n');
    const entries: { map: string; date: string; duration: number; range: string; uri: string }[] = [];
    lines.forEach((line, index) => {
      if (!line.startsWith('#EXT-X-MAP:')) return;
      const [map, date, extinf, range, uri] = lines.slice(index, index + 5);
      entries.push({
        map: map!,
        date: date!.replace('#EXT-X-PROGRAM-DATE-TIME:', ''),
        duration: Number(/^#EXTINF:([\d.]+),$/.exec(extinf!)![1]),
        range: range!.replace('#EXT-X-BYTERANGE:', ''),
        uri: uri!,
      });
    });
    return { lines, entries };
  };

  it('lists every segment of the window with its map, wall-clock start and byte ranges, as VOD, and audits the view', async () => {
    const target = `camera:${fixture.cameraId}`;
    const before = await fixture.countAudit('recording.playback', target);
    const reply = await fixture.as('operator', {
      url: playlistUrl(fixture.cameraId, T0 - 60_000, T0 + 120_000),
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toContain('application/vnd.apple.mpegurl');
    expect(reply.headers['cache-control']).toBe('private, no-store');
    const { lines, entries } = parse(reply.body);
    expect(lines.slice(0, 3)).toEqual(['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:4']);
    expect(lines).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(lines[lines.length - 1]).toBe('#EXT-X-ENDLIST');
    expect(lines.filter((l) => l === '#EXT-X-DISCONTINUITY')).toHaveLength(fixture.segments.length - 1);
    expect(entries).toEqual(
      fixture.segments.map((s) => ({
        map: `#EXT-X-MAP:URI="/api/recordings/segments/${s.id}",BYTERANGE="${s.initBytes}@0"`,
        date: iso(s.startedAt),
        duration: (s.endedAt - s.startedAt) / 1000,
        range: `${s.bytes - s.initBytes}@${s.initBytes}`,
        uri: `/api/recordings/segments/${s.id}`,
      })),
    );
    expect(await fixture.countAudit('recording.playback', target)).toBe(before + 1);
    const { rows } = await fixture.app.db.query<{ username: string; detail: unknown }>(
      "SELECT username, detail FROM audit_log WHERE action = 'recording.playback' AND target = $1 ORDER BY id DESC LIMIT 1",
      [target],
    );
    expect(rows[0]).toEqual({
      username: 'operator',
      detail: { from: iso(T0 - 60_000), to: iso(T0 + 120_000) },
    });
  });

  it('lists only the segments overlapping the window, and stays an open EVENT playlist while the window reaches now', async () => {
    const [second, third] = [fixture.segments[1]!, fixture.segments[2]!];
    const from = second.startedAt + 1_000;
    const { entries, lines } = parse(
      (await fixture.as('operator', { url: playlistUrl(fixture.cameraId, from, third.startedAt + 500) }))
        .body,
    );
    expect(entries.map((e) => e.date)).toEqual([iso(second.startedAt), iso(third.startedAt)]);
    expect(lines).toContain('#EXT-X-START:TIME-OFFSET=1.000,PRECISE=YES');
    const live = await fixture.as('operator', {
      url: playlistUrl(fixture.cameraId, T0, NOW.getTime() + 60_000),
    });
    expect(live.body).toContain('#EXT-X-PLAYLIST-TYPE:EVENT\n');
    expect(live.body).not.toContain('#EXT-X-ENDLIST');
  });

  it('answers 404 with where footage resumes when the window has none', async () => {
    const before = await fixture.countAudit('recording.playback', `camera:${fixture.cameraId}`);
    const reply = await fixture.as('operator', {
      url: playlistUrl(fixture.cameraId, fixture.gap.from + 1_000, fixture.gap.to - 1_000),
    });
    expect(reply.statusCode).toBe(404);
    const body = reply.json<{ message: string; messageTh: string }>();
    expect(body.message).toContain(`resumes at ${iso(fixture.gap.to)}`);
    expect(body.messageTh).toContain(iso(fixture.gap.to));
    expect(await fixture.countAudit('recording.playback', `camera:${fixture.cameraId}`)).toBe(before);
  });

  it('plays in real ffmpeg over HTTP with the session cookie: every segment fetched by byte range, 30 s decoded', async () => {
    fixture.segmentRequests.length = 0;
    const url = `${fixture.baseUrl}${playlistUrl(fixture.cameraId, T0 - 60_000, T0 + 120_000)}`;
    // The segment URLs carry no file extension: the HLS demuxer is told to take them as they are.
    const { stdout } = await run(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-nostats',
        '-headers',
        `Cookie: toc_session=${fixture.tokens.operator}\r\n`,
        '-extension_picky',
        '0',
        '-i',
        url,
        '-f',
        'null',
        '-progress',
        'pipe:1',
        '-',
      ],
      { timeout: 60_000 },
    );
    // Blocks of key=value lines; the last block (progress=end) wins.
    const progress = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    const totalS = fixture.segments.reduce((sum, s) => sum + (s.endedAt - s.startedAt), 0) / 1000;
    expect(progress.progress).toBe('end');
    expect(Number(progress.out_time_us) / 1e6).toBeCloseTo(totalS, 0);
    // ffmpeg's HLS demuxer feeds every segment to one MP4 demuxer, which drops the first fragment after each
    // timestamp restart; players that honour the discontinuities (hls.js) lose nothing. All else must decode.
    const frames = Number(progress.frame);
    const lostToFfmpeg = (fixture.segments.length - 1) * (FRAGMENT_US / 1e6) * FPS;
    expect(frames).toBeLessThanOrEqual(Math.round(totalS * FPS));
    expect(frames).toBeGreaterThanOrEqual(Math.round(totalS * FPS) - lostToFfmpeg);
    expect(new Set(fixture.segmentRequests.map((r) => r.id))).toEqual(
      new Set(fixture.segments.map((s) => s.id)),
    );
    expect(fixture.segmentRequests.every((r) => r.status === 206 && r.range?.startsWith('bytes='))).toBe(
      true,
    );
  });
});

describe('segment files', () => {
  it('serves a byte range exactly, the whole file with its hash, and refuses a range past the end', async () => {
    const segment = fixture.segments[1]!;
    const bytes = await readFile(segment.file);
    const part = await fixture.as('operator', {
      url: `/api/recordings/segments/${segment.id}`,
      headers: { range: `bytes=${segment.initBytes}-${segment.initBytes + 999}` },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-type']).toBe('video/mp4');
    expect(part.headers['content-range']).toBe(
      `bytes ${segment.initBytes}-${segment.initBytes + 999}/${segment.bytes}`,
    );
    expect(part.headers['cache-control']).toMatch(/^private/);
    expect(part.rawPayload.equals(bytes.subarray(segment.initBytes, segment.initBytes + 1000))).toBe(true);
    const head = await fixture.as('admin', {
      url: `/api/recordings/segments/${segment.id}`,
      headers: { range: `bytes=0-${segment.initBytes - 1}` },
    });
    expect(head.rawPayload.equals(bytes.subarray(0, segment.initBytes))).toBe(true);

    const whole = await fixture.as('admin', { url: `/api/recordings/segments/${segment.id}` });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(createHash('sha256').update(whole.rawPayload).digest('hex')).toBe(segment.sha256);
    expect(whole.headers['x-content-sha256']).toBe(segment.sha256);

    const past = await fixture.as('operator', {
      url: `/api/recordings/segments/${segment.id}`,
      headers: { range: `bytes=${segment.bytes}-` },
    });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${segment.bytes}`);
    expect(past.json<{ messageTh: string }>().messageTh).toBeTruthy();
  });

  it('answers 410 for a file retention deleted and 409 for one that no longer matches its index', async () => {
    await fixture.indexSynthetic(fixture.otherCameraId, [[T0, T0 + 10_000]], 'deleted');
    await fixture.indexSynthetic(fixture.otherCameraId, [[T0 + 10_000, T0 + 20_000]], 'changed');
    await mkdir(path.join(fixture.recordingsDir, String(fixture.otherCameraId)), { recursive: true });
    await writeFile(
      path.join(fixture.recordingsDir, `${fixture.otherCameraId}/changed-0.mp4`),
      Buffer.alloc(10),
    );
    const { rows } = await fixture.app.db.query<{ id: number; path: string }>(
      'SELECT id, path FROM recording_segments WHERE path LIKE $1 ORDER BY path',
      [`${fixture.otherCameraId}/%ed-0.mp4`],
    );
    const [changed, deleted] = rows;
    const gone = await fixture.as('operator', { url: `/api/recordings/segments/${deleted!.id}` });
    expect(gone.statusCode).toBe(410);
    expect(gone.json<{ message: string; messageTh: string }>()).toMatchObject({
      message: expect.stringContaining('retention'),
      messageTh: expect.any(String),
    });
    expect(gone.body).not.toContain(fixture.recordingsDir);
    const mismatch = await fixture.as('operator', { url: `/api/recordings/segments/${changed!.id}` });
    expect(mismatch.statusCode).toBe(409);
    expect((await fixture.as('operator', { url: '/api/recordings/segments/999999' })).statusCode).toBe(404);
  });
});
