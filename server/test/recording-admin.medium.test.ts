// Medium: evidence holds, per-camera recording settings and the recording overview on real PostGIS. The control room
// (admin, operator) reads them; only admins hold, release and change settings, each audited; viewers, planners and
// police are refused and change nothing; bad input is a 4xx with a reason in Thai and English and changes nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app';
import { RECORDINGS_MARKER } from '../src/recording-config';
import { ALL_ROLES } from '../src/plugins/types';
import type { CameraRecordingSettings, EvidenceHold, RecordingOverview, Role } from '../src/schemas';
import { createTestSchema, roleTokens, testConfig } from './test-env';

/** The server's clock: 09:00 on 14 March 2031 in Bangkok (02:00 UTC), so "today" there began at 13 March 17:00 UTC. */
const NOW = new Date('2031-03-14T02:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (msBeforeNow: number) => new Date(NOW.getTime() - msBeforeNow);

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let tokens: Record<Role, string>;
let recordingsDir: string;
let cameraA: number;
let cameraB: number;

beforeAll(async () => {
  schema = await createTestSchema();
  recordingsDir = await mkdtemp(path.join(tmpdir(), 'toc-recordings-admin-'));
  await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
  const base = testConfig(schema.databaseUrl);
  const recording = {
    ...base.recording,
    dir: recordingsDir,
    defaultMinDays: 3,
    defaultMaxDays: 30,
    quotaBytes: 1e12,
    freeFloorBytes: 1,
  };
  app = await buildApp({ ...base, recording }, { now: () => NOW });
  await app.ready();
  tokens = await roleTokens(app, ALL_ROLES);
  cameraA = await createCamera('Bang Pakong junction', 'แยกบางปะกง');
  cameraB = await createCamera('Chachoengsao market', 'ตลาดฉะเชิงเทรา');
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
  if (recordingsDir) await rm(recordingsDir, { recursive: true, force: true });
});

const as = (role: Role | null, request: InjectOptions) =>
  app.inject({
    ...request,
    headers: { ...request.headers, ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
  });

async function createCamera(name: string, nameTh: string): Promise<number> {
  const reply = await as('admin', {
    method: 'POST',
    url: '/api/cameras',
    payload: {
      name,
      nameTh,
      location: { lon: 101.07, lat: 13.69 },
      headingDeg: 90,
      fovDeg: 60,
      rtspUrl: 'rtsp://127.0.0.1:9/c',
      enabled: false,
    },
  });
  expect(reply.statusCode, reply.body).toBe(201);
  return reply.json<{ id: number }>().id;
}

let segmentNo = 0;
/** An indexed segment of `seconds` ending `endedBefore` ms before NOW (indexed when it ended). */
async function insertSegment(
  cameraId: number,
  endedBefore: number,
  bytes: number,
  seconds = 10,
): Promise<void> {
  const ended = at(endedBefore);
  const started = new Date(ended.getTime() - seconds * 1000);
  segmentNo++;
  await app.db.query(
    `INSERT INTO recording_segments (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height, init_bytes,
                                     worker_id, clock_source, indexed_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'h264', 1280, 720, 800, 'w1', 'ntp', $3)`,
    [
      cameraId,
      started,
      ended,
      bytes,
      `${cameraId}/${started.toISOString().slice(0, 10)}/${segmentNo}.mp4`,
      'a'.repeat(64),
    ],
  );
}

const count = async (table: 'evidence_holds' | 'camera_recording' | 'audit_log') =>
  (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

const lastAudit = async () =>
  (
    await app.db.query<{ action: string; target: string; username: string; detail: Record<string, unknown> }>(
      'SELECT action, target, username, detail FROM audit_log ORDER BY id DESC LIMIT 1',
    )
  ).rows[0]!;

const holdBody = (fields: Partial<Record<string, unknown>> = {}) => ({
  cameraId: cameraA,
  from: at(2 * HOUR).toISOString(),
  to: at(HOUR).toISOString(),
  reason: 'อุบัติเหตุรถชน คดีที่ 123/2574 / Collision, case 123/2574',
  caseNumber: '123/2574',
  ...fields,
});

function expectReason(reply: { statusCode: number; json: () => unknown }, status: number): void {
  expect(reply.statusCode).toBe(status);
  const body = reply.json() as { message?: string; messageTh?: string };
  expect(body.message).toBeTruthy();
  expect(body.messageTh).toMatch(/[\u0E00-\u0E7F]/);
}

describe('who may use them', () => {
  it('lets admins and operators read, only admins write; viewers, planners and police are refused and change nothing', async () => {
    const reads: InjectOptions[] = [
      { method: 'GET', url: '/api/evidence-holds' },
      { method: 'GET', url: `/api/cameras/${cameraA}/recording` },
      { method: 'GET', url: '/api/recordings/overview' },
    ];
    const writes: InjectOptions[] = [
      { method: 'POST', url: '/api/evidence-holds', payload: holdBody() },
      { method: 'POST', url: '/api/evidence-holds/1/release', payload: { reason: 'คดีสิ้นสุด / case closed' } },
      {
        method: 'PUT',
        url: `/api/cameras/${cameraA}/recording`,
        payload: { enabled: false, minDays: 1, maxDays: 2, priority: 1 },
      },
    ];
    const before = await Promise.all([
      count('evidence_holds'),
      count('camera_recording'),
      count('audit_log'),
    ]);
    for (const request of [...reads, ...writes]) {
      const allowed = reads.includes(request) ? ['admin', 'operator'] : ['admin'];
      for (const role of ALL_ROLES.filter((r) => !allowed.includes(r))) {
        expect((await as(role, request)).statusCode, `${role} ${request.method} ${request.url}`).toBe(403);
      }
      expect((await as(null, request)).statusCode, `anonymous ${request.method} ${request.url}`).toBe(401);
    }
    expect(
      await Promise.all([count('evidence_holds'), count('camera_recording'), count('audit_log')]),
    ).toEqual(before);
    for (const role of ['admin', 'operator'] as const) {
      for (const request of reads)
        expect((await as(role, request)).statusCode, `${role} ${request.url}`).toBe(200);
    }
  });
});

describe('evidence holds', () => {
  it('holds a past period of a camera with the bytes recorded in it, audited', async () => {
    await insertSegment(cameraA, 90 * 60_000, 1000); // inside
    await insertSegment(cameraA, 59 * 60_000, 2000, 120); // straddles the end: held whole
    await insertSegment(cameraA, 30 * 60_000, 4000); // after
    await insertSegment(cameraB, 90 * 60_000, 8000); // another camera
    const reply = await as('admin', { method: 'POST', url: '/api/evidence-holds', payload: holdBody() });
    expect(reply.statusCode, reply.body).toBe(201);
    const hold = reply.json<EvidenceHold>();
    expect(hold).toMatchObject({
      cameraId: cameraA,
      caseNumber: '123/2574',
      createdBy: 'admin',
      releasedAt: null,
      expiresAt: null,
      bytes: 3000,
    });
    expect(await lastAudit()).toMatchObject({
      action: 'evidence-hold.create',
      target: `evidence-hold:${hold.id}`,
      username: 'admin',
      detail: { cameraId: cameraA, caseNumber: '123/2574' },
    });
  });

  it('refuses a period that is reversed or not over, an unknown camera and a past expiry, with reasons in Thai and English', async () => {
    const before = await Promise.all([count('evidence_holds'), count('audit_log')]);
    const bad = [
      holdBody({ from: at(HOUR).toISOString(), to: at(2 * HOUR).toISOString() }),
      holdBody({ from: at(HOUR).toISOString(), to: at(HOUR).toISOString() }),
      holdBody({ to: new Date(NOW.getTime() + HOUR).toISOString() }),
      holdBody({ cameraId: 999_999 }),
      holdBody({ expiresAt: at(1000).toISOString() }),
    ];
    for (const payload of bad)
      expectReason(await as('admin', { method: 'POST', url: '/api/evidence-holds', payload }), 400);
    // The schema's refusals carry both languages too.
    expectReason(
      await as('admin', { method: 'POST', url: '/api/evidence-holds', payload: holdBody({ reason: 'x' }) }),
      400,
    );
    expectReason(
      await as('admin', { method: 'POST', url: '/api/evidence-holds', payload: { ...holdBody(), extra: 1 } }),
      400,
    );
    expect(await Promise.all([count('evidence_holds'), count('audit_log')])).toEqual(before);
  });

  it('lists those in force by default, every hold on request, and one camera when asked', async () => {
    const expiring = (
      await as('admin', {
        method: 'POST',
        url: '/api/evidence-holds',
        payload: holdBody({ cameraId: cameraB, expiresAt: new Date(NOW.getTime() + DAY).toISOString() }),
      })
    ).json<EvidenceHold>();
    // An expired hold (as if made long ago) and a released one.
    const { rows } = await app.db.query<{ id: number }>(
      `INSERT INTO evidence_holds (camera_id, starts_at, ends_at, reason, expires_at, created_by)
       SELECT $1, $2, $3, 'expired hold', $4, id FROM users WHERE username = 'admin' RETURNING id`,
      [cameraB, at(10 * DAY), at(9 * DAY), at(DAY)],
    );
    const expired = rows[0]!.id;
    const released = (
      await as('admin', { method: 'POST', url: '/api/evidence-holds', payload: holdBody() })
    ).json<EvidenceHold>();
    expect(
      (
        await as('admin', {
          method: 'POST',
          url: `/api/evidence-holds/${released.id}/release`,
          payload: { reason: 'ปิดคดี / case closed' },
        })
      ).statusCode,
    ).toBe(200);

    const ids = async (url: string, role: Role = 'operator') => {
      const reply = await as(role, { method: 'GET', url });
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json<EvidenceHold[]>().map((h) => h.id);
    };
    const active = await ids('/api/evidence-holds');
    expect(active).toContain(expiring.id);
    expect(active).not.toContain(expired);
    expect(active).not.toContain(released.id);
    const all = await ids('/api/evidence-holds?state=all');
    expect(all).toEqual(expect.arrayContaining([expiring.id, expired, released.id]));
    expect(await ids(`/api/evidence-holds?state=all&cameraId=${cameraB}`)).toEqual(
      expect.arrayContaining([expiring.id, expired]),
    );
    expect(await ids(`/api/evidence-holds?state=all&cameraId=${cameraB}`)).not.toContain(released.id);
    expectReason(await as('operator', { method: 'GET', url: '/api/evidence-holds?state=some' }), 400);
  });

  it('releases a hold once, with the reason, audited; a second release is 409 and an unknown hold 404', async () => {
    const hold = (
      await as('admin', { method: 'POST', url: '/api/evidence-holds', payload: holdBody() })
    ).json<EvidenceHold>();
    expectReason(
      await as('admin', { method: 'POST', url: `/api/evidence-holds/${hold.id}/release`, payload: {} }),
      400,
    );
    expectReason(
      await as('admin', {
        method: 'POST',
        url: `/api/evidence-holds/${hold.id}/release`,
        payload: { reason: 'no' },
      }),
      400,
    );
    const reply = await as('admin', {
      method: 'POST',
      url: `/api/evidence-holds/${hold.id}/release`,
      payload: { reason: 'ศาลพิพากษาแล้ว / judgment given' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<EvidenceHold>()).toMatchObject({
      id: hold.id,
      releasedBy: 'admin',
      releaseReason: 'ศาลพิพากษาแล้ว / judgment given',
      releasedAt: NOW.toISOString(),
    });
    expect(await lastAudit()).toMatchObject({
      action: 'evidence-hold.release',
      target: `evidence-hold:${hold.id}`,
      detail: { reason: 'ศาลพิพากษาแล้ว / judgment given' },
    });

    const audits = await count('audit_log');
    expectReason(
      await as('admin', {
        method: 'POST',
        url: `/api/evidence-holds/${hold.id}/release`,
        payload: { reason: 'again / อีกครั้ง' },
      }),
      409,
    );
    expectReason(
      await as('admin', {
        method: 'POST',
        url: '/api/evidence-holds/999999/release',
        payload: { reason: 'none / ไม่มี' },
      }),
      404,
    );
    expect(await count('audit_log')).toBe(audits);
    // Released, never deleted.
    const row = await app.db.query('SELECT release_reason FROM evidence_holds WHERE id = $1', [hold.id]);
    expect(row.rows[0]).toEqual({ release_reason: 'ศาลพิพากษาแล้ว / judgment given' });
  });
});

describe('recording settings', () => {
  it('shows the configured defaults for a camera without settings, and 404 for no camera', async () => {
    const reply = await as('operator', { method: 'GET', url: `/api/cameras/${cameraB}/recording` });
    expect(reply.json<CameraRecordingSettings>()).toEqual({
      enabled: true,
      minDays: 3,
      maxDays: 30,
      priority: 50,
    });
    expectReason(await as('operator', { method: 'GET', url: '/api/cameras/999999/recording' }), 404);
  });

  it('stores an admin change, audited with before and after', async () => {
    const settings = { enabled: true, minDays: 7.5, maxDays: 60, priority: 90 };
    const reply = await as('admin', {
      method: 'PUT',
      url: `/api/cameras/${cameraA}/recording`,
      payload: settings,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toEqual(settings);
    expect(
      (await as('operator', { method: 'GET', url: `/api/cameras/${cameraA}/recording` })).json(),
    ).toEqual(settings);
    expect(await lastAudit()).toMatchObject({
      action: 'camera.recording.update',
      target: `camera:${cameraA}`,
      detail: {
        before: { enabled: true, minDays: 3, maxDays: 30, priority: 50, custom: false },
        after: settings,
      },
    });
  });

  it('refuses min days over max days and values out of range, changing nothing', async () => {
    const before = await Promise.all([count('camera_recording'), count('audit_log')]);
    const url = `/api/cameras/${cameraA}/recording`;
    const bad = [
      { enabled: true, minDays: 10, maxDays: 5, priority: 50 },
      { enabled: true, minDays: -1, maxDays: 5, priority: 50 },
      { enabled: true, minDays: 0, maxDays: 0, priority: 50 },
      { enabled: true, minDays: 1, maxDays: 5, priority: 101 },
      { enabled: true, minDays: 1, maxDays: 5 },
    ];
    for (const payload of bad) expectReason(await as('admin', { method: 'PUT', url, payload }), 400);
    expectReason(
      await as('admin', {
        method: 'PUT',
        url: '/api/cameras/999999/recording',
        payload: { enabled: true, minDays: 1, maxDays: 5, priority: 5 },
      }),
      404,
    );
    expect(await Promise.all([count('camera_recording'), count('audit_log')])).toEqual(before);
    expect((await as('admin', { method: 'GET', url })).json<CameraRecordingSettings>().maxDays).toBe(60);
  });
});

describe('recording overview', () => {
  it('gives the volume figures and per camera its footage, bitrate, gaps today, worker report and forecast', async () => {
    await app.db.query('DELETE FROM recording_segments');
    await app.db.query('DELETE FROM evidence_holds');
    // Camera A: 10 days of history, and the last hour at 1 Mbit/s (125 kB per second).
    await insertSegment(cameraA, 10 * DAY, 5000);
    for (let i = 0; i < 6; i++) await insertSegment(cameraA, 2 * 60_000 + i * 10_000, 1_250_000);
    // Camera B: one segment two days ago, held.
    await insertSegment(cameraB, 2 * DAY, 7000);
    await as('admin', {
      method: 'POST',
      url: '/api/evidence-holds',
      payload: holdBody({ cameraId: cameraB, from: at(3 * DAY).toISOString(), to: at(DAY).toISOString() }),
    });
    // Gaps: one since Bangkok midnight (17:00 UTC yesterday), one just before it.
    await app.db.query(
      `INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason) VALUES ($1, '2031-03-13T17:30:00Z', '2031-03-13T17:40:00Z', 'camera_offline'),
              ($1, '2031-03-13T16:50:00Z', '2031-03-13T16:55:00Z', 'worker_died')`,
      [cameraA],
    );
    const worker = {
      state: 'recording',
      reason: null,
      bitrateKbps: 998,
      lastSegmentAt: at(2 * 60_000).toISOString(),
    };
    await app.db.query(
      `UPDATE cameras SET health = jsonb_build_object('workerId', 'w1', 'recording', $2::jsonb) WHERE id = $1`,
      [cameraA, JSON.stringify(worker)],
    );
    await app.db.query(
      `INSERT INTO camera_recording (camera_id, min_days, max_days, priority, paused_at, paused_reason) VALUES ($1, 3, 30, 5, $2, 'storage_full')
       ON CONFLICT (camera_id) DO UPDATE SET paused_at = $2, paused_reason = 'storage_full'`,
      [cameraB, NOW],
    );

    const reply = await as('operator', { method: 'GET', url: '/api/recordings/overview' });
    expect(reply.statusCode, reply.body).toBe(200);
    const { storage, cameras } = reply.json<RecordingOverview>();
    expect(storage).toMatchObject({
      volume: recordingsDir,
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

    const a = cameras.find((c) => c.cameraId === cameraA)!;
    const b = cameras.find((c) => c.cameraId === cameraB)!;
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
    await rm(path.join(recordingsDir, RECORDINGS_MARKER));
    try {
      const { storage } = (
        await as('operator', { method: 'GET', url: '/api/recordings/overview' })
      ).json<RecordingOverview>();
      expect(storage).toMatchObject({ available: false, freeBytes: 0, hoursLeft: null });
      expect(storage.reason).toContain(RECORDINGS_MARKER);
      expect(storage.reason).toMatch(/[\u0E00-\u0E7F]/);
      expect(storage.reason).not.toContain(recordingsDir);
    } finally {
      await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
    }
  });
});
