// Medium: a police footage request end to end on the real server, PostGIS, Redis (BullMQ), ffmpeg and Chromium —
// filed by an officer, cameras picked, approved by an operator (holds placed), exported by the real export worker with
// progress on the socket, downloaded through an audited expiring link, checked by the verifier CLI, a tampered copy
// refused, and the case closed (holds released). Station scoping, four-eyes approval and bad input along the way.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '@toc/server/app';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { loadSigningKey } from '@toc/server/lib/evidence-signing-key';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { hashPassword } from '@toc/server/services/passwords';
import type { FootageRequest, FootageRequestChange, Role } from '@toc/server/schemas';
import { createTestSchema, roleTokens, testConfig, TEST_STATION } from '@toc/server/testing';
import type { Manifest } from '@toc/verifier/manifest';
import { startEvidenceExportWorker } from '../src/export/evidence-export.worker';
import { createLetterPrinter, type LetterPrinter } from '../src/export/letter-printer';
import { startRecordingEndpoint, type RecordingEndpoint } from '../src/notify/recording-endpoint';
import { startRequestNoticeWorker } from '../src/notify/request-notices.worker';
import { readPackageEntry, runVerifier } from './evidence-package';
import { indexRecordedSegment, recordStreetClip, type IndexedSegment } from './recorded-footage';

const run = promisify(execFile);
const T0 = Date.parse('2031-03-14T01:00:00.000Z');
const NOW = new Date(T0 + 3_600_000);
const SEGMENT_S = 4;
const iso = (ms: number) => new Date(ms).toISOString();
const PLACE = { lon: 101.0705, lat: 13.6902 };

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let root: string;
let tokens: Record<Role | 'police2' | 'police3', string>;
let worker: Worker;
let letters: LetterPrinter;
let redis: Redis;
let baseUrl: string;
let cameraA: number;
let cameraB: number;
const segmentsA: IndexedSegment[] = [];
let requestId: number;
let zipPath: string;
let fingerprint: string;
const changes: FootageRequestChange[] = [];
let officerSocket: Socket;
let stationHook: RecordingEndpoint;
let notices: Worker;

const as = (who: keyof typeof tokens | null, request: InjectOptions) =>
  app.inject({
    ...request,
    headers: { ...request.headers, ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
  });

const form = (overrides: Record<string, unknown> = {}) => ({
  caseNumber: 'คดีอาญาที่ 123/2574',
  station: TEST_STATION,
  officerName: 'ร.ต.อ. สมชาย ใจดี',
  officerRank: 'ร.ต.อ.',
  officerId: '1234567890',
  officerPhone: '081-234-5678',
  legalBasis: 'ประมวลกฎหมายวิธีพิจารณาความอาญา มาตรา 132',
  reason: 'รถจักรยานยนต์ชนกับรถยนต์ที่ทางแยก / motorcycle and car collided at the junction',
  place: PLACE,
  placeLabel: 'แยกหน้าศาลากลาง',
  from: iso(T0 + 2_000),
  to: iso(T0 + 70_000),
  ...overrides,
});

async function signIn(username: string, station: string) {
  await upsertUser(app.db, {
    username,
    displayName: username,
    role: 'police',
    passwordHash: await hashPassword('pw-x'),
    station,
  });
  const reply = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'pw-x' },
  });
  return reply.json<{ token: string }>().token;
}

async function request(id = requestId, who: keyof typeof tokens = 'operator'): Promise<FootageRequest> {
  const reply = await as(who, { method: 'GET', url: `/api/footage-requests/${id}` });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json<FootageRequest>();
}

async function waitFor(predicate: (r: FootageRequest) => boolean, ms: number): Promise<FootageRequest> {
  const end = Date.now() + ms;
  for (;;) {
    const current = await request();
    if (predicate(current) || Date.now() > end) return current;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  schema = await createTestSchema();
  root = await mkdtemp(path.join(tmpdir(), 'toc-evidence-'));
  const recordingsDir = path.join(root, 'recordings');
  await mkdir(recordingsDir);
  await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
  // The stations' webhooks are local endpoints: allow-listed, as NOTIFY_ALLOWED_HOSTS would on premises.
  const config = testConfig(schema.databaseUrl, { notifyAllowedHosts: ['127.0.0.1'] });
  const evidence = {
    ...config.evidence,
    dir: path.join(root, 'evidence'),
    signingKeyFile: path.join(root, 'evidence', 'signing-key.pem'),
    createSigningKey: true,
  };
  app = await buildApp(
    { ...config, recording: { ...config.recording, dir: recordingsDir }, evidence },
    { now: () => NOW },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  tokens = {
    ...(await roleTokens(app, ['admin', 'operator', 'police', 'planner', 'viewer'])),
    police2: await signIn('police2', TEST_STATION),
    police3: await signIn('police3', 'สภ.บางปะกง'),
  };

  const camera = async (name: string, location: { lon: number; lat: number }, headingDeg: number) => {
    const reply = await as('admin', {
      method: 'POST',
      url: '/api/cameras',
      payload: {
        name,
        nameTh: `กล้อง${name}`,
        location,
        headingDeg,
        fovDeg: 70,
        rtspUrl: 'rtsp://127.0.0.1:9/c',
        enabled: false,
      },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json<{ id: number }>().id;
  };
  cameraA = await camera('City Hall Junction', { lon: 101.0701, lat: 13.6899 }, 45);
  cameraB = await camera('Market Road', { lon: 101.0712, lat: 13.6905 }, 250);

  // Camera A: 24 s, offline 20 s, 12 s more. Camera B: 20 s.
  const recorded = await recordStreetClip(path.join(root, 'incoming'), 36, SEGMENT_S);
  let wall = T0;
  for (const [index, file] of recorded.entries()) {
    if (index === 6) wall += 20_000;
    const indexed = await indexRecordedSegment(app.db, recordingsDir, cameraA, file, wall);
    segmentsA.push(indexed);
    wall = indexed.endedAt;
  }
  const recordedB = await recordStreetClip(path.join(root, 'incoming-b'), 20, SEGMENT_S);
  wall = T0;
  for (const file of recordedB)
    wall = (await indexRecordedSegment(app.db, recordingsDir, cameraB, file, wall)).endedAt;

  const key = await loadSigningKey(evidence.signingKeyFile, { createIfMissing: false });
  redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  letters = createLetterPrinter();
  worker = startEvidenceExportWorker(
    {
      db: app.db,
      redis,
      channels: app.channels,
      jobs: app.requestJobs,
      evidence,
      recordingsDir,
      key,
      letters,
      workingCopies: false,
      software: { name: 'traffic-operations-center', version: 'test' },
      now: () => NOW,
      log: () => undefined,
    },
    { url: config.redisUrl, prefix: config.queuePrefix },
  );
  // The station's webhook (a local endpoint, allow-listed as NOTIFY_ALLOWED_HOSTS would) and another station's.
  stationHook = await startRecordingEndpoint(() => ({ status: 200, body: '{}' }));
  for (const [station, target] of [
    [TEST_STATION, `${stationHook.url}/station`],
    ['สภ.บางปะกง', `${stationHook.url}/other-station`],
  ]) {
    const reply = await as('admin', {
      method: 'POST',
      url: '/api/notification-targets',
      payload: { channel: 'webhook', target, audience: 'police', station, eventTypes: ['traffic.accident'] },
    });
    expect(reply.statusCode, reply.body).toBe(201);
  }
  notices = startRequestNoticeWorker(
    {
      db: app.db,
      config: { webhookUrls: [], lineTargets: [], allowedHosts: ['127.0.0.1'], publicUrl: 'http://toc.test' },
      log: () => undefined,
    },
    { url: config.redisUrl, prefix: config.queuePrefix },
  );
  officerSocket = io(baseUrl, { auth: { token: tokens.police }, transports: ['websocket'] });
  officerSocket.on('footage.request', (change: FootageRequestChange) => changes.push(change));
  await new Promise<void>((resolve, reject) => {
    officerSocket.once('connect', () => resolve());
    officerSocket.once('connect_error', reject);
  });
}, 180_000);

afterAll(async () => {
  officerSocket?.close();
  await worker?.close();
  await notices?.close();
  await stationHook?.close();
  await letters?.close();
  await redis?.quit();
  await app?.close();
  await schema?.drop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('filing', () => {
  it('lets a police officer file online for their own station, numbered in the Buddhist Era', async () => {
    const reply = await as('police', { method: 'POST', url: '/api/footage-requests', payload: form() });
    expect(reply.statusCode, reply.body).toBe(201);
    const filed = reply.json<FootageRequest>();
    expect(filed).toMatchObject({
      status: 'submitted',
      kind: 'online',
      station: TEST_STATION,
      requester: 'police',
    });
    expect(filed.reference).toMatch(/^FR-2574-\d{5}$/);
    requestId = filed.id;
  });

  it('refuses another station, a window in the wrong order or too long, and roles without a part', async () => {
    const other = await as('police', {
      method: 'POST',
      url: '/api/footage-requests',
      payload: form({ station: 'สภ.บางปะกง' }),
    });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ messageTh: expect.stringContaining('สถานี') });
    const reversed = await as('police', {
      method: 'POST',
      url: '/api/footage-requests',
      payload: form({ from: iso(T0 + 5000), to: iso(T0) }),
    });
    expect(reversed.statusCode).toBe(400);
    const long = await as('police', {
      method: 'POST',
      url: '/api/footage-requests',
      payload: form({ to: iso(T0 + 25 * 3_600_000) }),
    });
    expect(long.statusCode).toBe(400);
    expect((await as('planner', { method: 'GET', url: '/api/footage-requests' })).statusCode).toBe(403);
    expect(
      (await as('operator', { method: 'POST', url: '/api/footage-requests', payload: form() })).statusCode,
    ).toBe(403);
    const { rows } = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM footage_requests');
    expect(rows[0]!.n).toBe(1);
  });

  it('shows a request to its station only', async () => {
    expect(
      (await as('police3', { method: 'GET', url: `/api/footage-requests/${requestId}` })).statusCode,
    ).toBe(404);
    const list = await as('police3', { method: 'GET', url: '/api/footage-requests' });
    expect(list.json()).toEqual([]);
    expect(
      (await as('police2', { method: 'GET', url: `/api/footage-requests/${requestId}` })).statusCode,
    ).toBe(200);
  });
});

describe('review and approval', () => {
  it('lets the requester pick cameras inside the window, not outside', async () => {
    const outside = await as('police', {
      method: 'PUT',
      url: `/api/footage-requests/${requestId}/cameras`,
      payload: { cameras: [{ cameraId: cameraA, from: iso(T0), to: iso(T0 + 30_000) }] },
    });
    expect(outside.statusCode).toBe(400);
    const picked = await as('police', {
      method: 'PUT',
      url: `/api/footage-requests/${requestId}/cameras`,
      payload: {
        cameras: [
          { cameraId: cameraA, from: iso(T0 + 2_000), to: iso(T0 + 50_000) },
          { cameraId: cameraB, from: iso(T0 + 6_500), to: iso(T0 + 14_500) },
        ],
      },
    });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json<FootageRequest>().cameras.map((c) => c.cameraId)).toEqual(
      [cameraA, cameraB].sort((a, b) => a - b),
    );
    expect(
      (
        await as('police2', {
          method: 'PUT',
          url: `/api/footage-requests/${requestId}/cameras`,
          payload: { cameras: [{ cameraId: cameraA, from: iso(T0 + 2_000), to: iso(T0 + 3_000) }] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('never lets police approve, and needs a reason to reject', async () => {
    expect(
      (
        await as('police', {
          method: 'POST',
          url: `/api/footage-requests/${requestId}/decision`,
          payload: { decision: 'approve' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await as('operator', {
          method: 'POST',
          url: `/api/footage-requests/${requestId}/decision`,
          payload: { decision: 'reject' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('approves: evidence holds on each camera window, the export queued', async () => {
    const reply = await as('operator', {
      method: 'POST',
      url: `/api/footage-requests/${requestId}/decision`,
      payload: { decision: 'approve', note: 'ครบถ้วน' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<FootageRequest>()).toMatchObject({ decidedBy: 'operator' });
    const { rows } = await app.db.query<{ camera_id: number; starts_at: Date; ends_at: Date }>(
      'SELECT camera_id, starts_at, ends_at FROM evidence_holds WHERE request_id = $1 AND released_at IS NULL ORDER BY camera_id',
      [requestId],
    );
    expect(rows.map((r) => [r.camera_id, r.starts_at.getTime(), r.ends_at.getTime()])).toEqual(
      [
        [cameraA, T0 + 2_000, T0 + 50_000],
        [cameraB, T0 + 6_500, T0 + 14_500],
      ].sort((a, b) => a[0]! - b[0]!),
    );
  });
});

describe('export', () => {
  it('builds the package with progress told on the socket', async () => {
    const done = await waitFor((r) => r.status === 'ready' || r.status === 'export_failed', 150_000);
    expect(done.exportError).toBeNull();
    expect(done.status).toBe('ready');
    expect(done.package).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const statuses = changes.filter((c) => c.id === requestId).map((c) => c.status);
    expect(statuses).toContain('exporting');
    expect(statuses.at(-1)).toBe('ready');
    expect(
      changes.some(
        (c) =>
          c.status === 'exporting' &&
          c.exportProgress !== null &&
          c.exportProgress > 0 &&
          c.exportProgress < 1,
      ),
    ).toBe(true);
  }, 180_000);

  it('gives the package only through a personal link, audited with the address', async () => {
    expect(
      (await as('operator', { method: 'POST', url: `/api/footage-requests/${requestId}/download-link` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as('police2', { method: 'POST', url: `/api/footage-requests/${requestId}/download-link` }))
        .statusCode,
    ).toBe(403);
    const link = await as('police', {
      method: 'POST',
      url: `/api/footage-requests/${requestId}/download-link`,
    });
    expect(link.statusCode, link.body).toBe(200);
    const { url } = link.json<{ url: string }>();
    expect((await as('admin', { method: 'GET', url })).statusCode).toBe(403);
    const download = await fetch(`${baseUrl}${url}`, {
      headers: { authorization: `Bearer ${tokens.police}` },
    });
    expect(download.status).toBe(200);
    zipPath = path.join(root, 'package.zip');
    await writeFile(zipPath, Buffer.from(await download.arrayBuffer()));
    expect((await request()).status).toBe('downloaded');
    const { rows } = await app.db.query<{ username: string; ip: string }>(
      `SELECT username, host(ip) AS ip FROM audit_log WHERE action = 'evidence-package.download' AND target = $1`,
      [`footage-request:${requestId}`],
    );
    expect(rows).toEqual([{ username: 'police', ip: '127.0.0.1' }]);
    expect(
      (await as('police', { method: 'GET', url: '/api/evidence-downloads/unknown-token-aaaaaaaaaaaaa' }))
        .statusCode,
    ).toBe(410);
  });

  it('has a manifest naming every recorded segment used, the gap with its reason, and a stream-copied master', async () => {
    const manifest = JSON.parse(
      (await readPackageEntry(zipPath, 'manifest.json')).toString('utf8'),
    ) as Manifest;
    expect(manifest.request).toMatchObject({
      caseNumber: 'คดีอาญาที่ 123/2574',
      station: TEST_STATION,
      approver: { username: 'operator' },
    });
    const a = manifest.cameras.find((c) => c.id === cameraA)!;
    const used = segmentsA.filter((s) => s.endedAt > T0 + 2_000 && s.startedAt < T0 + 50_000);
    expect(a.segments.map((s) => s.sha256)).toEqual(used.map((s) => s.sha256));
    expect(a.gaps.length).toBeGreaterThanOrEqual(1);
    expect(Date.parse(a.gaps[0]!.from)).toBe(T0 + 24_000);
    expect(Date.parse(a.covered!.from)).toBeGreaterThanOrEqual(T0 + 1_000);
    expect(Date.parse(a.covered!.from)).toBeLessThanOrEqual(T0 + 2_000);
    const master = path.join(root, 'master.mp4');
    await writeFile(master, await readPackageEntry(zipPath, a.files[0]!));
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_streams',
      '-show_chapters',
      '-of',
      'json',
      master,
    ]);
    const probed = JSON.parse(stdout) as {
      streams: { codec_type: string; codec_name: string }[];
      chapters: unknown[];
    };
    // MP4 keeps chapters in a text track of their own, which ffprobe lists as a data stream.
    expect(
      probed.streams.map((s) => `${s.codec_type}:${s.codec_name}`).filter((s) => !s.startsWith('data:')),
    ).toEqual(['video:h264', 'subtitle:mov_text']);
    expect(probed.chapters).toHaveLength(a.segments.length);
    // The cut can be run again from the recordings store: its concat list names the segments by their store paths.
    const list = a.cut!.inputs.find((input) => input.name.endsWith('.ffconcat'))!.text;
    expect(list).not.toContain(root);
    for (const segment of a.segments) expect(list).toContain(`'${segment.path}'`);
    const letter = await readPackageEntry(zipPath, 'letter.pdf');
    expect(letter.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('verifies with the published key, and refuses a tampered copy naming the file', async () => {
    const key = await as(null, { method: 'GET', url: '/api/evidence/public-key' });
    expect(key.statusCode).toBe(200);
    fingerprint = key.json<{ fingerprint: string }>().fingerprint;
    const good = await runVerifier(zipPath, '--fingerprint', fingerprint);
    expect(good.code, good.out).toBe(0);
    // What a court clerk's unzip says of it too (Info-ZIP checks every entry's CRC and the directory).
    const { stdout: tested } = await run('unzip', ['-tq', zipPath]);
    expect(tested).toMatch(/^No errors detected in compressed data of /);
    const bytes = await readFile(zipPath);
    const manifest = JSON.parse(
      (await readPackageEntry(zipPath, 'manifest.json')).toString('utf8'),
    ) as Manifest;
    const videoPath = manifest.cameras.find((c) => c.id === cameraA)!.files[0]!;
    // Videos are stored, not deflated: a byte in the middle of the zip is a byte of the largest video.
    const tampered = Buffer.from(bytes);
    const at = bytes.indexOf(Buffer.from('mdat')) + 5_000;
    tampered[at] = tampered[at]! ^ 0xff;
    const bad = path.join(root, 'tampered.zip');
    await writeFile(bad, tampered);
    const result = await runVerifier(bad, '--fingerprint', fingerprint);
    expect(result.code).toBe(1);
    expect(result.out).toContain(videoPath);
  }, 60_000);
});

describe('closing', () => {
  it('lets only an admin close, with a reason, releasing the holds', async () => {
    expect(
      (
        await as('operator', {
          method: 'POST',
          url: `/api/footage-requests/${requestId}/close`,
          payload: { reason: 'คดีสิ้นสุด' },
        })
      ).statusCode,
    ).toBe(403);
    const closed = await as('admin', {
      method: 'POST',
      url: `/api/footage-requests/${requestId}/close`,
      payload: { reason: 'คดีสิ้นสุดแล้ว / case over' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<FootageRequest>().steps.map((s) => s.status)).toEqual([
      'submitted',
      'submitted',
      'approved',
      'exporting',
      'ready',
      'downloaded',
      'closed',
    ]);
    const { rows } = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM evidence_holds WHERE request_id = $1 AND released_at IS NULL',
      [requestId],
    );
    expect(rows[0]!.n).toBe(0);
    // The station's channel heard of each step worth telling; the other station's heard nothing.
    const deadline = Date.now() + 15_000;
    while (stationHook.requests.length < 4 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const told = stationHook.requests.map((r) => ({
      path: r.path,
      request: r.headers['x-toc-request-id'],
      title: (JSON.parse(r.body) as { title: { en: string } }).title.en,
    }));
    expect(told.every((t) => t.path === '/station' && t.request === String(requestId))).toBe(true);
    expect(told.map((t) => t.title.split(': ')[1]).sort()).toEqual([
      'approved',
      'closed',
      'ready to download',
      'submitted',
    ]);
    const audit = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target = $1 ORDER BY id`,
      [`footage-request:${requestId}`],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'footage-request.file',
      'footage-request.cameras',
      'footage-request.approve',
      'footage-request.export-start',
      'footage-request.export-done',
      'evidence-package.download',
      'footage-request.downloaded',
      'footage-request.close',
    ]);
  });
});
