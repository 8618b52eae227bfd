// Medium: playback of recorded footage on the real server, PostGIS and ffmpeg. 30 s of the street clip are recorded
// with the recorder's own muxer options into 4-second segments and indexed at wall-clock times with a gap between;
// then the timeline, the HLS playlist (which real ffmpeg plays over HTTP with the session cookie), byte ranges, stills,
// roles, audit rows, bad input and an unconfigured or unmounted volume are checked.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import sharp from 'sharp';
import { buildApp } from '@toc/server/app';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { indexSegment, openGap } from '@toc/server/repositories/recording-index.repository';
import { ALL_ROLES } from '@toc/server/plugins/types';
import type { CameraTimeline, Role } from '@toc/server/schemas';
import { createTestSchema, roleTokens, testConfig } from '@toc/server/testing';
import { FRAGMENT_US } from '../src/record/segment-output';
import { indexRecordedSegment, recordStreetClip, type IndexedSegment } from './recorded-footage';

const run = promisify(execFile);
const FPS = 30;
const SEGMENT_S = 4;
/** Wall clock of the first recorded frame; the server's clock is pinned an hour later (the footage is past). */
const T0 = Date.parse('2031-03-14T01:00:00.000Z');
const NOW = new Date(T0 + 3_600_000);
/** The camera was offline this long after its first 16 s (the gap between the two runs of segments). */
const OFFLINE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

let app: FastifyInstance;
let unconfigured: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let root: string;
let recordingsDir: string;
let baseUrl: string;
let tokens: Record<Role, string>;
let cameraId: number;
let otherCameraId: number;
let eventId: number;
const segments: IndexedSegment[] = [];
/** The segments before and after the camera's time offline, and the gap between them. */
let firstRun: IndexedSegment[];
let secondRun: IndexedSegment[];
let gap: { from: number; to: number };
const segmentRequests: { id: number; status: number; range: string | undefined }[] = [];

const as = (role: Role | null, request: InjectOptions, server = app) =>
  server.inject({
    ...request,
    headers: { ...request.headers, ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
  });
const timelineUrl = (camera: number, from: number, to: number) =>
  `/api/recordings/${camera}/timeline?from=${iso(from)}&to=${iso(to)}`;
const playlistUrl = (camera: number, from: number, to: number) =>
  `/api/recordings/${camera}/playlist.m3u8?from=${iso(from)}&to=${iso(to)}`;
const stillUrl = (camera: number, at: number | string) =>
  `/api/recordings/${camera}/still?at=${typeof at === 'number' ? iso(at) : at}`;
const countAudit = async (action: string, target: string) =>
  (
    await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target = $2',
      [action, target],
    )
  ).rows[0]!.n;

/** Index rows without footage behind them (the timeline reads only the index). */
async function indexSynthetic(camera: number, spans: [number, number][], name: string) {
  for (const [index, [from, to]] of spans.entries()) {
    await indexSegment(app.db, {
      cameraId: camera,
      startedAt: new Date(from),
      endedAt: new Date(to),
      bytes: 1000,
      path: `${camera}/${name}-${index}.mp4`,
      sha256: 'a'.repeat(64),
      codec: 'avc1',
      width: 640,
      height: 360,
      initBytes: 100,
      workerId: 'playback-test',
      clockSource: 'system',
      interrupted: false,
    });
  }
}

beforeAll(async () => {
  schema = await createTestSchema();
  root = await mkdtemp(path.join(tmpdir(), 'toc-playback-'));
  recordingsDir = path.join(root, 'recordings');
  await mkdir(recordingsDir);
  await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
  const config = testConfig(schema.databaseUrl);
  app = await buildApp(
    { ...config, recording: { ...config.recording, dir: recordingsDir } },
    { now: () => NOW },
  );
  app.addHook('onResponse', async (request, reply) => {
    const match = /^\/api\/recordings\/segments\/(\d+)/.exec(request.url);
    if (match)
      segmentRequests.push({ id: Number(match[1]), status: reply.statusCode, range: request.headers.range });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  unconfigured = await buildApp(
    { ...config, recording: { ...config.recording, dir: null } },
    { now: () => NOW },
  );
  await unconfigured.ready();
  tokens = await roleTokens(app, ALL_ROLES);

  const camera = async (name: string) => {
    const reply = await as('admin', {
      method: 'POST',
      url: '/api/cameras',
      payload: {
        name,
        nameTh: `กล้อง ${name}`,
        location: { lon: 101.07, lat: 13.69 },
        headingDeg: 90,
        fovDeg: 60,
        rtspUrl: 'rtsp://127.0.0.1:9/c',
        enabled: false,
      },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json<{ id: number }>().id;
  };
  cameraId = await camera('Playback');
  otherCameraId = await camera('Index only');

  const incoming = path.join(root, 'incoming');
  await mkdir(incoming);
  // 30 s as CCTV cameras send it (a keyframe every second, no B-frames; the clip's own keyframes are 8 s apart).
  const recorded = await recordStreetClip(incoming, 30, SEGMENT_S);
  expect(recorded.length).toBeGreaterThanOrEqual(7);
  // The first 16 s, then the camera goes offline for a minute, then the rest.
  const cut = recorded.findIndex((item) => item.start >= 16);
  for (const [index, item] of recorded.entries()) {
    if (index === cut)
      await openGap(app.db, cameraId, new Date(T0 + item.start * 1000), 'camera_offline', 'no RTSP answer');
    const wallStart = T0 + item.start * 1000 + (index >= cut ? OFFLINE_MS : 0);
    segments.push(
      await indexRecordedSegment(app.db, recordingsDir, cameraId, item, wallStart, {
        workerId: 'playback-test',
      }),
    );
  }
  [firstRun, secondRun] = [segments.slice(0, cut), segments.slice(cut)];
  gap = { from: firstRun[firstRun.length - 1]!.endedAt, to: secondRun[0]!.startedAt };
  const { rows } = await app.db.query<{ id: number }>(
    `INSERT INTO events (type, severity, camera_id, started_at, ended_at) VALUES ('traffic.stopped_vehicle', 'medium', $1, $2, $3)
     RETURNING id`,
    [cameraId, new Date(T0 + 5_000), new Date(T0 + 9_000)],
  );
  const admin = await app.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
  await app.db.query(
    `INSERT INTO evidence_holds (camera_id, starts_at, ends_at, reason, case_number, created_by)
     VALUES ($1, $2, $3, 'Crash at the junction', 'CASE-1', $4), ($1, $2, $3, 'Released one', NULL, $4)`,
    [cameraId, new Date(T0), new Date(T0 + 30_000), admin.rows[0]!.id],
  );
  await app.db.query(
    `UPDATE evidence_holds SET released_at = $2, released_by = $3, release_reason = 'not needed'
      WHERE camera_id = $1 AND reason = 'Released one'`,
    [cameraId, NOW, admin.rows[0]!.id],
  );
  eventId = rows[0]!.id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await unconfigured?.close();
  await schema?.drop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('timeline', () => {
  it('merges adjacent segments into spans and shows the gap with its reason, the events and the holds in force', async () => {
    const reply = await as('operator', { url: timelineUrl(cameraId, T0 - 60_000, T0 + 120_000) });
    expect(reply.statusCode, reply.body).toBe(200);
    const timeline = reply.json<CameraTimeline>();
    const bytes = (run: IndexedSegment[]) => run.reduce((sum, s) => sum + s.bytes, 0);
    expect(timeline.spans).toEqual([
      { from: iso(T0), to: iso(gap.from), segments: firstRun.length, bytes: bytes(firstRun) },
      {
        from: iso(gap.to),
        to: iso(secondRun[secondRun.length - 1]!.endedAt),
        segments: secondRun.length,
        bytes: bytes(secondRun),
      },
    ]);
    expect(timeline.gaps).toEqual([
      {
        id: expect.any(Number),
        cameraId,
        from: iso(gap.from),
        to: iso(gap.to),
        reason: 'camera_offline',
        detail: 'no RTSP answer',
      },
    ]);
    expect(timeline.events).toEqual([
      {
        id: eventId,
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
      await as('admin', { url: timelineUrl(cameraId, T0 + 10_000, gap.to + 3_000) })
    ).json<CameraTimeline>();
    expect(timeline.spans.map((s) => [s.from, s.to])).toEqual([
      [iso(T0 + 10_000), iso(gap.from)],
      [iso(gap.to), iso(gap.to + 3_000)],
    ]);
    const inGap = (
      await as('admin', { url: timelineUrl(cameraId, gap.from + 10_000, gap.from + 20_000) })
    ).json<CameraTimeline>();
    expect(inGap.spans).toEqual([]);
    expect(inGap.gaps.map((g) => g.reason)).toEqual(['camera_offline']);
    expect(inGap.events).toEqual([]);
    const later = (
      await as('admin', { url: timelineUrl(cameraId, T0 + 200_000, T0 + 300_000) })
    ).json<CameraTimeline>();
    expect([later.spans, later.gaps, later.events, later.holds]).toEqual([[], [], [], []]);
  });

  it('joins segments less than 1.5 s apart and splits at a longer hole (a worker_died gap is recorded for it)', async () => {
    const base = T0 + 86_400_000;
    await indexSynthetic(
      otherCameraId,
      [
        [base, base + 10_000],
        [base + 11_200, base + 21_200],
        [base + 23_500, base + 33_500],
      ],
      'join',
    );
    const timeline = (
      await as('operator', { url: timelineUrl(otherCameraId, base - 1_000, base + 60_000) })
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
    const target = `camera:${cameraId}`;
    const before = await countAudit('recording.playback', target);
    const reply = await as('operator', { url: playlistUrl(cameraId, T0 - 60_000, T0 + 120_000) });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toContain('application/vnd.apple.mpegurl');
    expect(reply.headers['cache-control']).toBe('private, no-store');
    const { lines, entries } = parse(reply.body);
    expect(lines.slice(0, 3)).toEqual(['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:4']);
    expect(lines).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(lines[lines.length - 1]).toBe('#EXT-X-ENDLIST');
    expect(lines.filter((l) => l === '#EXT-X-DISCONTINUITY')).toHaveLength(segments.length - 1);
    expect(entries).toEqual(
      segments.map((s) => ({
        map: `#EXT-X-MAP:URI="/api/recordings/segments/${s.id}",BYTERANGE="${s.initBytes}@0"`,
        date: iso(s.startedAt),
        duration: (s.endedAt - s.startedAt) / 1000,
        range: `${s.bytes - s.initBytes}@${s.initBytes}`,
        uri: `/api/recordings/segments/${s.id}`,
      })),
    );
    expect(await countAudit('recording.playback', target)).toBe(before + 1);
    const { rows } = await app.db.query<{ username: string; detail: unknown }>(
      "SELECT username, detail FROM audit_log WHERE action = 'recording.playback' AND target = $1 ORDER BY id DESC LIMIT 1",
      [target],
    );
    expect(rows[0]).toEqual({
      username: 'operator',
      detail: { from: iso(T0 - 60_000), to: iso(T0 + 120_000) },
    });
  });

  it('lists only the segments overlapping the window, and stays an open EVENT playlist while the window reaches now', async () => {
    const [second, third] = [segments[1]!, segments[2]!];
    const from = second.startedAt + 1_000;
    const { entries, lines } = parse(
      (await as('operator', { url: playlistUrl(cameraId, from, third.startedAt + 500) })).body,
    );
    expect(entries.map((e) => e.date)).toEqual([iso(second.startedAt), iso(third.startedAt)]);
    expect(lines).toContain('#EXT-X-START:TIME-OFFSET=1.000,PRECISE=YES');
    const live = await as('operator', { url: playlistUrl(cameraId, T0, NOW.getTime() + 60_000) });
    expect(live.body).toContain('#EXT-X-PLAYLIST-TYPE:EVENT\n');
    expect(live.body).not.toContain('#EXT-X-ENDLIST');
  });

  it('answers 404 with where footage resumes when the window has none', async () => {
    const before = await countAudit('recording.playback', `camera:${cameraId}`);
    const reply = await as('operator', { url: playlistUrl(cameraId, gap.from + 1_000, gap.to - 1_000) });
    expect(reply.statusCode).toBe(404);
    const body = reply.json<{ message: string; messageTh: string }>();
    expect(body.message).toContain(`resumes at ${iso(gap.to)}`);
    expect(body.messageTh).toContain(iso(gap.to));
    expect(await countAudit('recording.playback', `camera:${cameraId}`)).toBe(before);
  });

  it('plays in real ffmpeg over HTTP with the session cookie: every segment fetched by byte range, 30 s decoded', async () => {
    segmentRequests.length = 0;
    const url = `${baseUrl}${playlistUrl(cameraId, T0 - 60_000, T0 + 120_000)}`;
    // The segment URLs carry no file extension: the HLS demuxer is told to take them as they are.
    const { stdout } = await run(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-nostats',
        '-headers',
        `Cookie: toc_session=${tokens.operator}\r\n`,
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
    const totalS = segments.reduce((sum, s) => sum + (s.endedAt - s.startedAt), 0) / 1000;
    expect(progress.progress).toBe('end');
    expect(Number(progress.out_time_us) / 1e6).toBeCloseTo(totalS, 0);
    // ffmpeg's HLS demuxer feeds every segment to one MP4 demuxer, which drops the first fragment after each
    // timestamp restart; players that honour the discontinuities (hls.js) lose nothing. All else must decode.
    const frames = Number(progress.frame);
    const lostToFfmpeg = (segments.length - 1) * (FRAGMENT_US / 1e6) * FPS;
    expect(frames).toBeLessThanOrEqual(Math.round(totalS * FPS));
    expect(frames).toBeGreaterThanOrEqual(Math.round(totalS * FPS) - lostToFfmpeg);
    expect(new Set(segmentRequests.map((r) => r.id))).toEqual(new Set(segments.map((s) => s.id)));
    expect(segmentRequests.every((r) => r.status === 206 && r.range?.startsWith('bytes='))).toBe(true);
  });
});

describe('segment files', () => {
  it('serves a byte range exactly, the whole file with its hash, and refuses a range past the end', async () => {
    const segment = segments[1]!;
    const bytes = await readFile(segment.file);
    const part = await as('operator', {
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
    const head = await as('admin', {
      url: `/api/recordings/segments/${segment.id}`,
      headers: { range: `bytes=0-${segment.initBytes - 1}` },
    });
    expect(head.rawPayload.equals(bytes.subarray(0, segment.initBytes))).toBe(true);

    const whole = await as('admin', { url: `/api/recordings/segments/${segment.id}` });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(createHash('sha256').update(whole.rawPayload).digest('hex')).toBe(segment.sha256);
    expect(whole.headers['x-content-sha256']).toBe(segment.sha256);

    const past = await as('operator', {
      url: `/api/recordings/segments/${segment.id}`,
      headers: { range: `bytes=${segment.bytes}-` },
    });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${segment.bytes}`);
    expect(past.json<{ messageTh: string }>().messageTh).toBeTruthy();
  });

  it('answers 410 for a file retention deleted and 409 for one that no longer matches its index', async () => {
    await indexSynthetic(otherCameraId, [[T0, T0 + 10_000]], 'deleted');
    await indexSynthetic(otherCameraId, [[T0 + 10_000, T0 + 20_000]], 'changed');
    await mkdir(path.join(recordingsDir, String(otherCameraId)), { recursive: true });
    await writeFile(path.join(recordingsDir, `${otherCameraId}/changed-0.mp4`), Buffer.alloc(10));
    const { rows } = await app.db.query<{ id: number; path: string }>(
      'SELECT id, path FROM recording_segments WHERE path LIKE $1 ORDER BY path',
      [`${otherCameraId}/%ed-0.mp4`],
    );
    const [changed, deleted] = rows;
    const gone = await as('operator', { url: `/api/recordings/segments/${deleted!.id}` });
    expect(gone.statusCode).toBe(410);
    expect(gone.json<{ message: string; messageTh: string }>()).toMatchObject({
      message: expect.stringContaining('retention'),
      messageTh: expect.any(String),
    });
    expect(gone.body).not.toContain(recordingsDir);
    const mismatch = await as('operator', { url: `/api/recordings/segments/${changed!.id}` });
    expect(mismatch.statusCode).toBe(409);
    expect((await as('operator', { url: '/api/recordings/segments/999999' })).statusCode).toBe(404);
  });
});

describe('stills', () => {
  const pixels = (jpeg: Buffer) => sharp(jpeg).raw().toBuffer();
  const meanDifference = (a: Buffer, b: Buffer) =>
    a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length;

  it('returns the recorded frame at an instant as a JPEG, audited', async () => {
    const before = await countAudit('recording.still.view', `camera:${cameraId}`);
    const reply = await as('operator', { url: stillUrl(cameraId, T0 + 10_500) });
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
        path.join(root, 'incoming', 'camera-stream.mp4'),
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
    expect(await countAudit('recording.still.view', `camera:${cameraId}`)).toBe(before + 1);
    const { rows } = await app.db.query<{ detail: unknown }>(
      "SELECT detail FROM audit_log WHERE action = 'recording.still.view' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]!.detail).toEqual({ at: iso(T0 + 10_500), segmentId: segments[2]!.id });
  });

  it('takes the last frame for an instant in its time on screen at the end of a segment', async () => {
    const reply = await as('operator', { url: stillUrl(cameraId, segments[0]!.endedAt - 10) });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(await sharp(reply.rawPayload).metadata()).toMatchObject({ width: 640, height: 360 });
  });

  it('answers 404 naming the gap reason, or that nothing was recorded, and audits nothing', async () => {
    const before = await countAudit('recording.still.view', `camera:${cameraId}`);
    const inGap = await as('operator', { url: stillUrl(cameraId, gap.from + 30_000) });
    expect(inGap.statusCode).toBe(404);
    expect(inGap.json<{ message: string; messageTh: string }>()).toMatchObject({
      message: expect.stringContaining('the camera was offline'),
      messageTh: expect.stringContaining('กล้องออฟไลน์'),
    });
    const never = await as('operator', { url: stillUrl(cameraId, T0 - 3_600_000) });
    expect(never.statusCode).toBe(404);
    expect(never.json<{ message: string }>().message).toContain('nothing was recorded');
    expect(await countAudit('recording.still.view', `camera:${cameraId}`)).toBe(before);
  });
});

describe('who may play footage back', () => {
  it('is admins and operators only: viewers, planners and police are refused, strangers asked to sign in', async () => {
    const urls = [
      timelineUrl(cameraId, T0, T0 + 60_000),
      playlistUrl(cameraId, T0, T0 + 60_000),
      `/api/recordings/segments/${segments[0]!.id}`,
      stillUrl(cameraId, T0 + 1_000),
    ];
    const before = (
      await app.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'recording.%'",
      )
    ).rows[0]!.n;
    for (const url of urls) {
      for (const role of ['viewer', 'planner', 'police'] as const)
        expect((await as(role, { url })).statusCode, `${role} ${url}`).toBe(403);
      expect((await as(null, { url })).statusCode, `anonymous ${url}`).toBe(401);
      for (const role of ['admin', 'operator'] as const)
        expect((await as(role, { url })).statusCode, `${role} ${url}`).toBeLessThan(300);
    }
    const after = (
      await app.db.query<{ n: number }>(
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
      [timelineUrl(cameraId, T0 + 60_000, T0), 400],
      [timelineUrl(cameraId, T0, T0), 400],
      [timelineUrl(cameraId, T0, T0 + 8 * 86_400_000), 400],
      [playlistUrl(cameraId, T0, T0 + 6 * 3_600_000 + 1_000), 400],
      [playlistUrl(cameraId, T0 + 60_000, T0), 400],
      [`/api/recordings/${cameraId}/timeline?from=yesterday&to=${iso(T0)}`, 400],
      [`/api/recordings/${cameraId}/timeline?from=${iso(T0)}`, 400],
      [`/api/recordings/${cameraId}/playlist.m3u8?from=${iso(T0)}&to=${iso(T0 + 1_000)}&extra=1`, 400],
      [stillUrl(cameraId, 'not-a-time'), 400],
      [stillUrl(cameraId, '2031-03-14T23:59:60Z'), 400],
      [`/api/recordings/abc/timeline?from=${iso(T0)}&to=${iso(T0 + 1_000)}`, 400],
      ['/api/recordings/segments/0', 400],
      ['/api/recordings/segments/99999999999', 400],
      [timelineUrl(999_999, T0, T0 + 60_000), 404],
      [playlistUrl(999_999, T0, T0 + 60_000), 404],
      [stillUrl(999_999, T0 + 1_000), 404],
    ];
    for (const [url, status] of cases) {
      const reply = await as('admin', { url });
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
      timelineUrl(cameraId, T0, T0 + 60_000),
      playlistUrl(cameraId, T0, T0 + 60_000),
      `/api/recordings/segments/${segments[0]!.id}`,
      stillUrl(cameraId, T0 + 1_000),
    ]) {
      const reply = await as('operator', { url }, unconfigured);
      expect(reply.statusCode, url).toBe(503);
      const body = reply.json<{ message: string; messageTh: string }>();
      expect(body.message).toContain('RECORDINGS_DIR');
      expect(body.messageTh).toContain('RECORDINGS_DIR');
    }
  });

  it('answers 503, not 410, when the volume is unmounted (no marker file)', async () => {
    const marker = path.join(recordingsDir, RECORDINGS_MARKER);
    await rm(marker);
    try {
      const playlist = await as('operator', { url: playlistUrl(cameraId, T0, T0 + 60_000) });
      expect(playlist.statusCode).toBe(503);
      expect(playlist.json<{ message: string }>().message).toContain(RECORDINGS_MARKER);
      expect(playlist.body).not.toContain(recordingsDir);
      // The index still draws the timeline.
      expect((await as('operator', { url: timelineUrl(cameraId, T0, T0 + 60_000) })).statusCode).toBe(200);
    } finally {
      await writeFile(marker, '');
    }
  });
});
