// Medium: the footage-request API on the real server, PostGIS and Redis (BullMQ) — walk-in entry with the scanned
// form (checked by its bytes, attached once, viewed with an audit row), the review queue with overdue requests, a
// rejection with its reason, the finder and its stills kept to the request's station, the export queued on approval,
// and bad input refused in English and Thai without a change.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app';
import { QUEUES, type FootageRequest, type FootageSearch, type Role } from '../src/schemas';
import { createTestSchema, roleTokens, testConfig, TEST_STATION } from './test-env';

const NOW = new Date('2031-03-14T03:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = NOW.getTime() - 3_600_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let root: string;
let tokens: Record<Role, string>;
let walkIn: FootageRequest;
let online: FootageRequest;
let cameraId: number;
let queue: Queue;

const as = (role: Role | null, request: InjectOptions) =>
  app.inject({
    ...request,
    headers: { ...request.headers, ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
  });

const form = (overrides: Record<string, unknown> = {}) => ({
  caseNumber: 'คดีที่ 45/2574',
  station: TEST_STATION,
  officerName: 'ด.ต. สมศักดิ์ รักษ์ดี',
  officerRank: 'ด.ต.',
  officerId: '3210987654',
  officerPhone: '089-000-1111',
  legalBasis: 'ป.วิ.อาญา มาตรา 132',
  reason: 'ลักทรัพย์ในตลาด / theft at the market',
  place: { lon: 101.0702, lat: 13.6901 },
  from: iso(T0),
  to: iso(T0 + 600_000),
  ...overrides,
});

const count = async (sql: string, params: unknown[] = []) =>
  (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

beforeAll(async () => {
  schema = await createTestSchema();
  root = await mkdtemp(path.join(tmpdir(), 'toc-requests-'));
  const config = testConfig(schema.databaseUrl);
  app = await buildApp(
    {
      ...config,
      evidence: {
        ...config.evidence,
        dir: root,
        signingKeyFile: path.join(root, 'key.pem'),
        overdueHours: 24,
      },
    },
    { now: () => NOW },
  );
  await app.ready();
  tokens = await roleTokens(app, ['admin', 'operator', 'police', 'planner', 'viewer']);
  queue = new Queue(QUEUES.evidenceExports, {
    connection: { url: config.redisUrl },
    prefix: config.queuePrefix,
  });
  const camera = await as('admin', {
    method: 'POST',
    url: '/api/cameras',
    payload: {
      name: 'Market',
      nameTh: 'ตลาด',
      location: { lon: 101.0701, lat: 13.69 },
      headingDeg: 45,
      fovDeg: 70,
      rtspUrl: 'rtsp://127.0.0.1:9/c',
      enabled: false,
    },
  });
  cameraId = camera.json<{ id: number }>().id;
});

afterAll(async () => {
  await queue?.close();
  await app?.close();
  await schema?.drop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('walk-in requests', () => {
  it('are entered by staff for the officer, with the paper form attached once', async () => {
    const reply = await as('operator', {
      method: 'POST',
      url: '/api/footage-requests/walk-in',
      payload: form(),
    });
    expect(reply.statusCode, reply.body).toBe(201);
    walkIn = reply.json<FootageRequest>();
    expect(walkIn).toMatchObject({ kind: 'walk_in', enteredBy: 'operator', requester: null, hasForm: false });
    const notPdf = await as('operator', {
      method: 'PUT',
      url: `/api/footage-requests/${walkIn.id}/form`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('<html>not a pdf</html>'),
    });
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json()).toMatchObject({ messageTh: expect.stringContaining('PDF') });
    const attached = await as('operator', {
      method: 'PUT',
      url: `/api/footage-requests/${walkIn.id}/form`,
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json<FootageRequest>().hasForm).toBe(true);
    const again = await as('operator', {
      method: 'PUT',
      url: `/api/footage-requests/${walkIn.id}/form`,
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(again.statusCode).toBe(409);
    const wrongType = await as('operator', {
      method: 'PUT',
      url: `/api/footage-requests/${walkIn.id}/form`,
      headers: { 'content-type': 'image/png' },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it('shows the form to the station (audited), byte for byte', async () => {
    const view = await as('police', { method: 'GET', url: `/api/footage-requests/${walkIn.id}/form` });
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('application/pdf');
    expect(view.rawPayload.equals(PDF)).toBe(true);
    expect(await count(`audit_log WHERE action = 'footage-request.form.view' AND username = 'police'`)).toBe(
      1,
    );
    const stored = await readFile(
      path.join(
        root,
        'forms',
        String(walkIn.id),
        (
          await app.db.query<{ form_path: string }>('SELECT form_path FROM footage_requests WHERE id = $1', [
            walkIn.id,
          ])
        ).rows[0]!.form_path.split('/')[1]!,
      ),
    );
    expect(stored.equals(PDF)).toBe(true);
  });

  it('may name an officer account only of that station', async () => {
    const { rows } = await app.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'operator'`);
    const reply = await as('admin', {
      method: 'POST',
      url: '/api/footage-requests/walk-in',
      payload: form({ requesterUserId: rows[0]!.id }),
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ message: expect.stringContaining('not a police officer') });
  });

  it('cannot be decided by whoever typed it in', async () => {
    const reply = await as('operator', {
      method: 'POST',
      url: `/api/footage-requests/${walkIn.id}/decision`,
      payload: { decision: 'reject', note: 'ไม่ครบ' },
    });
    expect(reply.statusCode).toBe(403);
    expect(reply.json()).toMatchObject({ messageTh: expect.stringContaining('ผู้อนุมัติ') });
  });
});

describe('the review queue', () => {
  it('flags a request waiting over the overdue limit', async () => {
    const reply = await as('police', {
      method: 'POST',
      url: '/api/footage-requests',
      payload: form({ caseNumber: 'คดีที่ 46/2574' }),
    });
    online = reply.json<FootageRequest>();
    await app.db.query(`UPDATE footage_requests SET created_at = $2 WHERE id = $1`, [
      online.id,
      new Date(NOW.getTime() - 25 * 3_600_000),
    ]);
    const queueReply = await as('operator', { method: 'GET', url: '/api/footage-requests?open=true' });
    const listed = queueReply.json<FootageRequest[]>();
    expect(listed.map((r) => [r.id, r.overdue])).toEqual(
      expect.arrayContaining([
        [online.id, true],
        [walkIn.id, false],
      ]),
    );
  });

  it('rejects with the reason told to the requester, and nothing is held or queued', async () => {
    const reply = await as('admin', {
      method: 'POST',
      url: `/api/footage-requests/${online.id}/decision`,
      payload: { decision: 'reject', note: 'ช่วงเวลาไม่ชัดเจน / window unclear' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<FootageRequest>()).toMatchObject({
      status: 'rejected',
      decidedBy: 'admin',
      decisionNote: 'ช่วงเวลาไม่ชัดเจน / window unclear',
    });
    expect(await count('evidence_holds WHERE request_id = $1', [online.id])).toBe(0);
    const again = await as('admin', {
      method: 'POST',
      url: `/api/footage-requests/${online.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('queues the export of an approved request (BullMQ), after its cameras are picked', async () => {
    const early = await as('admin', {
      method: 'POST',
      url: `/api/footage-requests/${walkIn.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ messageTh: expect.stringContaining('เลือกกล้อง') });
    const picked = await as('operator', {
      method: 'PUT',
      url: `/api/footage-requests/${walkIn.id}/cameras`,
      payload: { cameras: [{ cameraId, from: iso(T0 + 60_000), to: iso(T0 + 120_000) }] },
    });
    expect(picked.json<FootageRequest>().status).toBe('in_review');
    const approved = await as('admin', {
      method: 'POST',
      url: `/api/footage-requests/${walkIn.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active']);
    expect(jobs.map((job) => job.data)).toContainEqual({ requestId: walkIn.id });
  });
});

describe('finder and stills', () => {
  it('proposes the camera for the request, to staff and the station only', async () => {
    const found = await as('police', { method: 'GET', url: `/api/footage-requests/${walkIn.id}/finder` });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<FootageSearch>().cameras.map((c) => c.cameraId)).toContain(cameraId);
    expect(
      (await as('planner', { method: 'GET', url: `/api/footage-requests/${walkIn.id}/finder` })).statusCode,
    ).toBe(403);
    const direct = await as('operator', {
      method: 'GET',
      url: `/api/footage-finder?lon=101.0702&lat=13.6901&from=${iso(T0)}&to=${iso(T0 + 60_000)}`,
    });
    expect(direct.statusCode, direct.body).toBe(200);
  });

  it('refuses a still outside the window or of a camera the finder does not propose', async () => {
    const outside = await as('police', {
      method: 'GET',
      url: `/api/footage-requests/${walkIn.id}/cameras/${cameraId}/still?at=${iso(T0 - 1000)}`,
    });
    expect(outside.statusCode).toBe(400);
    const far = await as('admin', {
      method: 'POST',
      url: '/api/cameras',
      payload: {
        name: 'Far',
        nameTh: 'ไกล',
        location: { lon: 101.2, lat: 13.8 },
        headingDeg: 0,
        fovDeg: 60,
        rtspUrl: 'rtsp://127.0.0.1:9/d',
        enabled: false,
      },
    });
    const farId = far.json<{ id: number }>().id;
    const notProposed = await as('police', {
      method: 'GET',
      url: `/api/footage-requests/${walkIn.id}/cameras/${farId}/still?at=${iso(T0 + 1000)}`,
    });
    expect(notProposed.statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('is refused in both languages and changes nothing', async () => {
    const before = await count('footage_requests');
    const cases: [Record<string, unknown>, number][] = [
      [form({ officerPhone: 'call me' }), 400],
      [form({ place: { lon: 200, lat: 13 } }), 400],
      [form({ from: 'yesterday' }), 400],
      [form({ to: iso(NOW.getTime() + 86_400_000 * 2), from: iso(NOW.getTime() + 86_400_000) }), 400],
      [{ ...form(), extra: true }, 400],
    ];
    for (const [payload, status] of cases) {
      const reply = await as('police', { method: 'POST', url: '/api/footage-requests', payload });
      expect(reply.statusCode, JSON.stringify(payload)).toBe(status);
      expect(reply.json<{ message: string; messageTh?: string }>().messageTh).toBeTruthy();
    }
    expect(await count('footage_requests')).toBe(before);
    expect((await as('police', { method: 'GET', url: '/api/footage-requests/999999' })).statusCode).toBe(404);
    // A walk-in without an officer account is handed over by an admin; nothing is built yet.
    expect(
      (await as('police', { method: 'POST', url: `/api/footage-requests/${walkIn.id}/download-link` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as('admin', { method: 'POST', url: `/api/footage-requests/${walkIn.id}/download-link` }))
        .statusCode,
    ).toBe(409);
  });
});
