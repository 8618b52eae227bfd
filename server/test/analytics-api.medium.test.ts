// Medium: scene, calibration, places, traps and evidence routes on real PostGIS, Redis and files.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { insertCamera } from '../src/repositories/cameras.repository';
import { fromLocalMetres } from '../src/geometry/local-metres';
import type { CalibrationPair, CameraSceneInput } from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';


/** A whole 8 × 8 JPEG: trap uploads are decoded before they are stored, so a header alone no longer passes. */
const tinyJpeg = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#204020' } }).jpeg().toBuffer();
let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let cameraId: number;
const tokens: Record<string, string> = {};
const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
const origin = { lon: 101.0712, lat: 13.6904 };

/** A camera looking down a road: image fractions ↔ metres in front of it, a plausible perspective. */
function pairs(noiseM = 0): CalibrationPair[] {
  const layout: [number, number, number, number][] = [
    [0.2, 0.9, -4, 5],
    [0.8, 0.9, 4, 5],
    [0.4, 0.5, -4, 25],
    [0.6, 0.5, 4, 25],
    [0.5, 0.7, 0, 10],
  ];
  return layout.map(([x, y, east, north], i) => ({
    image: [x, y],
    ground: fromLocalMetres(origin, [east + (i === 4 ? noiseM : 0), north]),
  }));
}

const scene: CameraSceneInput = {
  zones: [
    { kind: 'roadway', name: 'Inbound lane', nameTh: 'ช่องขาเข้า', polygon: [[0.1, 0.5], [0.9, 0.5], [0.9, 1], [0.1, 1]], direction: [0, 1] },
    { kind: 'crowd_area', name: 'Plaza', nameTh: 'ลาน', polygon: [[0, 0], [0.3, 0], [0.3, 0.4]], alertAbove: 2, clearBelow: 1 },
    // An object mask over a billboard: whatever stands in it is no object to the rules.
    { kind: 'mask', name: 'Billboard', nameTh: 'ป้ายโฆษณา', polygon: [[0.6, 0], [0.9, 0], [0.9, 0.3], [0.6, 0.3]] },
  ],
  lines: [{ name: 'Stop line', nameTh: 'เส้นหยุด', points: [[0.1, 0.8], [0.9, 0.8]] }],
};

beforeAll(async () => {
  schema = await createTestSchema();
  const snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-snapshots-'));
  app = await buildApp(testConfig(schema.databaseUrl, { snapshotDir, trapImageMaxBytes: 64 * 1024, trapWaitSeconds: 0.5, queuePrefix: schema.schema }));
  Object.assign(tokens, await roleTokens(app, ['admin', 'operator', 'police', 'planner', 'viewer']));
  cameraId = (
    await insertCamera(app.db, {
      name: 'Scene camera',
      nameTh: 'กล้องฉาก',
      location: origin,
      headingDeg: 0,
      fovDeg: 60,
      rtspUrl: 'rtsp://127.0.0.1:8554/none',
    })
  ).id;
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('zones and counting lines', () => {
  it('saves a valid scene for admins and returns it to every role', async () => {
    const put = await app.inject({ method: 'PUT', url: `/api/cameras/${cameraId}/scene`, headers: as('admin'), payload: scene });
    expect(put.statusCode).toBe(200);
    expect(put.json().zones).toHaveLength(3);
    const get = await app.inject({ method: 'GET', url: `/api/cameras/${cameraId}/scene`, headers: as('viewer') });
    expect(get.json().zones[0]).toMatchObject({ kind: 'roadway', direction: [0, 1] });
    expect(get.json().zones[2]).toMatchObject({ kind: 'mask', nameTh: 'ป้ายโฆษณา' });
    expect(get.json().lines[0].points).toEqual(scene.lines[0]!.points);
  });

  it('rejects a self-crossing polygon with its path and reason, and keeps the stored scene', async () => {
    const bowTie = { ...scene, zones: [{ ...scene.zones[0]!, polygon: [[0, 0], [1, 1], [1, 0], [0, 1]] }] };
    const reply = await app.inject({ method: 'PUT', url: `/api/cameras/${cameraId}/scene`, headers: as('admin'), payload: bowTie });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().message).toContain('zones/0/polygon');
    expect(reply.json().messageTh).toBeTruthy();
    const get = await app.inject({ method: 'GET', url: `/api/cameras/${cameraId}/scene`, headers: as('admin') });
    expect(get.json().zones).toHaveLength(3);
  });

  it('refuses scene changes from operators', async () => {
    const reply = await app.inject({ method: 'PUT', url: `/api/cameras/${cameraId}/scene`, headers: as('operator'), payload: scene });
    expect(reply.statusCode).toBe(403);
  });
});

describe('calibration', () => {
  it('checks without saving, then saves, returning the reprojection error', async () => {
    const check = await app.inject({ method: 'POST', url: `/api/cameras/${cameraId}/calibration/check`, headers: as('admin'), payload: { pairs: pairs(1.5) } });
    expect(check.statusCode).toBe(200);
    expect(check.json().error.maxM).toBeGreaterThan(0.1);
    let scene = await app.inject({ method: 'GET', url: `/api/cameras/${cameraId}/scene`, headers: as('admin') });
    expect(scene.json().calibration).toBeNull();

    const save = await app.inject({ method: 'PUT', url: `/api/cameras/${cameraId}/calibration`, headers: as('admin'), payload: { pairs: pairs() } });
    expect(save.statusCode).toBe(200);
    expect(save.json().error.meanM).toBeLessThan(0.05);
    expect(save.json().homography).toHaveLength(9);
    scene = await app.inject({ method: 'GET', url: `/api/cameras/${cameraId}/scene`, headers: as('viewer') });
    expect(scene.json().calibration.pairs).toHaveLength(5);
  });

  it('rejects fewer than 4 pairs and collinear points with a reason', async () => {
    const few = await app.inject({ method: 'PUT', url: `/api/cameras/${cameraId}/calibration`, headers: as('admin'), payload: { pairs: pairs().slice(0, 3) } });
    expect(few.statusCode).toBe(400);
    const line = pairs().map((p, i) => ({ image: [0.1 + i * 0.2, 0.1 + i * 0.2] as [number, number], ground: p.ground }));
    const collinear = await app.inject({ method: 'PUT', url: `/api/cameras/${cameraId}/calibration`, headers: as('admin'), payload: { pairs: line } });
    expect(collinear.statusCode).toBe(400);
    expect(collinear.json().messageTh).toBeTruthy();
  });
});

describe('places', () => {
  it('has the 93 sub-district centroids of Chachoengsao inside the province', async () => {
    const reply = await app.inject({ method: 'GET', url: '/api/places?kind=subdistrict', headers: as('viewer') });
    const places = reply.json() as { location: { lon: number; lat: number }; nameTh: string }[];
    expect(places).toHaveLength(93);
    for (const p of places) {
      expect(p.location.lon).toBeGreaterThan(100.85);
      expect(p.location.lon).toBeLessThan(101.99);
    }
  });

  it('imports villages from CSV and reports bad rows by line number', async () => {
    const csv = [
      'code,name,name_th,lon,lat,district,district_th',
      'V1,Ban Nong Khok,บ้านหนองคอก,101.60,13.60,Tha Takiap,ท่าตะเกียบ',
      'V2,Broken,บ้านเสีย,not-a-number,13.6,,',
      'V3,,บ้านไม่มีชื่อ,101.6,13.6,,',
      'V1,Again,ซ้ำ,101.6,13.6,,',
    ].join('\n');
    const reply = await app.inject({ method: 'POST', url: '/api/places/villages', headers: { ...as('admin'), 'content-type': 'text/csv' }, payload: csv });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().imported).toBe(1);
    expect(reply.json().rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    const villages = await app.inject({ method: 'GET', url: '/api/places?kind=village', headers: as('viewer') });
    expect(villages.json()).toHaveLength(1);
  });
});

describe('camera traps', () => {
  let trap: { id: number };
  let key: string;

  beforeAll(async () => {
    const reply = await app.inject({
      method: 'POST',
      url: '/api/traps',
      headers: as('admin'),
      payload: { name: 'Khao Ang Rue Nai edge', nameTh: 'ขอบเขาอ่างฤาไน', location: { lon: 101.62, lat: 13.55 } },
    });
    expect(reply.statusCode).toBe(201);
    ({ trap, key } = reply.json());
  });

  it('answers 401 for an unknown trap or a wrong key, 415 for a non-image, 413 for an oversized one', async () => {
    const jpeg = await readFile(path.join(app.config.sharedDir, 'media', 'cameratrapai_blank.jpg'));
    const post = (id: number, headers: Record<string, string>, payload: Buffer) =>
      app.inject({ method: 'POST', url: `/api/traps/${id}/images`, headers, payload });
    expect((await post(trap.id + 99, { 'content-type': 'image/jpeg', 'x-trap-key': key }, jpeg.subarray(0, 1000))).statusCode).toBe(401);
    expect((await post(trap.id, { 'content-type': 'image/jpeg', 'x-trap-key': 'wrong' }, jpeg.subarray(0, 1000))).statusCode).toBe(401);
    expect((await post(trap.id, { 'content-type': 'text/plain', 'x-trap-key': key }, Buffer.from('hello'))).statusCode).toBe(415);
    const disguised = await post(trap.id, { 'content-type': 'image/jpeg', 'x-trap-key': key }, Buffer.from('not really a jpeg'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().messageTh).toBeTruthy();
    expect((await post(trap.id, { 'content-type': 'image/jpeg', 'x-trap-key': key }, jpeg)).statusCode).toBe(413);
  });

  it('stores a valid image and queues it (202 while no worker answers)', async () => {
    const small = await tinyJpeg();
    const reply = await app.inject({ method: 'POST', url: `/api/traps/${trap.id}/images`, headers: { 'content-type': 'image/jpeg', 'x-trap-key': key }, payload: small });
    expect(reply.statusCode).toBe(202);
    expect(reply.json().status).toBe('queued');
    const traps = await app.inject({ method: 'GET', url: '/api/traps', headers: as('viewer') });
    expect(traps.json()[0].lastImageAt).not.toBeNull();
  });

  it('lets admins retire a trap: its images get 403 with the reason, a wrong key still 401; enabling it again restores it', async () => {
    const small = await tinyJpeg();
    const post = (withKey: string) =>
      app.inject({ method: 'POST', url: `/api/traps/${trap.id}/images`, headers: { 'content-type': 'image/jpeg', 'x-trap-key': withKey }, payload: small });
    const patch = (role: string, payload: Record<string, unknown>, id = trap.id) => app.inject({ method: 'PATCH', url: `/api/traps/${id}`, headers: as(role), payload });
    expect((await patch('operator', { enabled: false })).statusCode).toBe(403);
    expect((await patch('admin', {})).statusCode).toBe(400);
    expect((await patch('admin', { enabled: false }, trap.id + 99)).statusCode).toBe(404);
    const retired = await patch('admin', { enabled: false, nameTh: 'ขอบเขาอ่างฤาไน (ปลดระวาง)' });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ enabled: false, name: 'Khao Ang Rue Nai edge', nameTh: 'ขอบเขาอ่างฤาไน (ปลดระวาง)' });
    const refused = await post(key);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().messageTh).toMatch(/ปิดใช้งาน/);
    expect((await post('wrong')).statusCode).toBe(401);
    expect((await patch('admin', { enabled: true })).statusCode).toBe(200);
    expect((await post(key)).statusCode).toBe(202);
  });

  it('rotates a trap key for admins only: the old key stops working, the new one works, and both changes are audited', async () => {
    const small = await tinyJpeg();
    const post = (withKey: string) =>
      app.inject({ method: 'POST', url: `/api/traps/${trap.id}/images`, headers: { 'content-type': 'image/jpeg', 'x-trap-key': withKey }, payload: small });
    expect((await app.inject({ method: 'POST', url: `/api/traps/${trap.id}/rotate-key`, headers: as('operator') })).statusCode).toBe(403);
    const rotated = await app.inject({ method: 'POST', url: `/api/traps/${trap.id}/rotate-key`, headers: as('admin') });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().key as string;
    expect(fresh).not.toBe(key);
    expect((await post(key)).statusCode).toBe(401);
    expect((await post(fresh)).statusCode).toBe(202);
    key = fresh;
    const { rows } = await app.db.query("SELECT action FROM audit_log WHERE target = $1 ORDER BY id", [`trap:${trap.id}`]);
    expect(rows.map((r) => r.action)).toEqual(['trap.create', 'trap.update', 'trap.update', 'trap.rotate_key']);
  });
});

describe('notification targets and snapshots', () => {
  it('lets admins add a LINE target per district and refuses a webhook that is not a URL', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/api/notification-targets',
      headers: as('admin'),
      payload: { channel: 'line', target: 'Uvillagehead', audience: 'village_head', districtTh: 'ท่าตะเกียบ', eventTypes: ['elephant.warning'] },
    });
    expect(ok.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/notification-targets',
      headers: as('admin'),
      payload: { channel: 'webhook', target: 'ftp://x', audience: 'ranger', eventTypes: ['elephant.warning'] },
    });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/notification-targets', headers: as('operator') })).statusCode).toBe(403);
  });

  it('keeps footage from viewers and planners', async () => {
    for (const role of ['viewer', 'planner']) {
      expect((await app.inject({ method: 'GET', url: '/api/snapshots/1', headers: as(role) })).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/snapshots/999', headers: as('police') })).statusCode).toBe(404);
  });
});
