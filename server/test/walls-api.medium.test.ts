// Medium: video wall API on real PostGIS — CRUD, who may read/save/delete, bad input refused with nothing changed, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { insertCamera } from '../src/repositories/cameras.repository';
import { seedDemoWall } from '../src/db/seed-walls';
import type { Role, Wall, WallInput } from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const tokens: Partial<Record<Role, string>> = {};
const cameraIds: number[] = [];

const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });

const layout = (): WallInput => ({
  name: 'Night shift',
  nameTh: 'กะกลางคืน',
  rows: 2,
  cols: 3,
  cycleSeconds: 30,
  groups: [
    { name: 'Roads', nameTh: 'ถนน', cameraIds: cameraIds.slice(0, 2) },
    { name: 'Town', nameTh: 'ในเมือง', cameraIds: cameraIds.slice(2) },
  ],
});

async function createWall(body: WallInput = layout()): Promise<Wall> {
  const reply = await app.inject({ method: 'POST', url: '/api/walls', headers: as('operator'), payload: body });
  expect(reply.statusCode).toBe(201);
  return reply.json();
}

const readWall = async (id: number): Promise<Wall> => (await app.inject({ url: `/api/walls/${id}`, headers: as('viewer') })).json();

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl));
  Object.assign(tokens, await roleTokens(app, ['admin', 'operator', 'viewer', 'police', 'planner']));
  for (let i = 1; i <= 3; i++) {
    const camera = await insertCamera(app.db, {
      name: `Wall camera ${i}`,
      nameTh: `กล้องวอลล์ ${i}`,
      location: { lon: 101 + i / 100, lat: 13.7 },
      headingDeg: 90,
      fovDeg: 60,
      rtspUrl: `rtsp://127.0.0.1:8554/cam${i}`,
    });
    cameraIds.push(camera.id);
  }
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('video walls', () => {
  it('creates, reads, saves and deletes a wall, recording each change in the audit log', async () => {
    const created = await createWall();
    expect(created).toMatchObject({ ...layout(), updatedBy: 'operator' });

    const listed = await app.inject({ url: '/api/walls', headers: as('viewer') });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().map((w: Wall) => w.id)).toContain(created.id);
    expect(await readWall(created.id)).toEqual(created);

    const changed = { ...layout(), rows: 3, cols: 2, cycleSeconds: 0, groups: [{ name: 'All', nameTh: 'ทั้งหมด', cameraIds }] };
    const saved = await app.inject({ method: 'PUT', url: `/api/walls/${created.id}`, headers: as('admin'), payload: changed });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...changed, id: created.id, updatedBy: 'admin' });
    expect(await readWall(created.id)).toMatchObject(changed);

    expect((await app.inject({ method: 'DELETE', url: `/api/walls/${created.id}`, headers: as('admin') })).statusCode).toBe(204);
    const gone = await app.inject({ url: `/api/walls/${created.id}`, headers: as('viewer') });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().messageTh).toBeTruthy();

    const audit = await app.db.query(`SELECT action, username FROM audit_log WHERE target = $1 ORDER BY id`, [`wall:${created.id}`]);
    expect(audit.rows).toEqual([
      { action: 'wall.create', username: 'operator' },
      { action: 'wall.update', username: 'admin' },
      { action: 'wall.delete', username: 'admin' },
    ]);
  });

  it('lets the control-room roles read walls and refuses police and planners', async () => {
    const wall = await createWall();
    for (const role of ['admin', 'operator', 'viewer'] as const) {
      expect((await app.inject({ url: '/api/walls', headers: as(role) })).statusCode).toBe(200);
    }
    for (const role of ['police', 'planner'] as const) {
      expect((await app.inject({ url: '/api/walls', headers: as(role) })).statusCode).toBe(403);
      expect((await app.inject({ url: `/api/walls/${wall.id}`, headers: as(role) })).statusCode).toBe(403);
    }
    expect((await app.inject({ url: '/api/walls' })).statusCode).toBe(401);
  });

  it('refuses a viewer saving or creating a layout and an operator deleting a wall, changing nothing', async () => {
    const wall = await createWall();
    const put = await app.inject({ method: 'PUT', url: `/api/walls/${wall.id}`, headers: as('viewer'), payload: { ...layout(), rows: 1 } });
    expect(put.statusCode).toBe(403);
    expect(put.json().messageTh).toBeTruthy();
    expect((await app.inject({ method: 'POST', url: '/api/walls', headers: as('viewer'), payload: layout() })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/walls', headers: as('police'), payload: layout() })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/walls/${wall.id}`, headers: as('operator') })).statusCode).toBe(403);
    expect(await readWall(wall.id)).toEqual(wall);
  });

  it('names unknown camera ids in English and Thai and keeps the wall as it was', async () => {
    const wall = await createWall();
    const body = { ...layout(), groups: [{ name: 'Ghosts', nameTh: 'ผี', cameraIds: [cameraIds[0]!, 9998, 9999] }] };
    const put = await app.inject({ method: 'PUT', url: `/api/walls/${wall.id}`, headers: as('operator'), payload: body });
    expect(put.statusCode).toBe(400);
    expect(put.json().message).toBe('Unknown camera ids: 9998, 9999');
    expect(put.json().messageTh).toContain('9998, 9999');
    expect(await readWall(wall.id)).toEqual(wall);

    const before = (await app.db.query('SELECT count(*)::int AS n FROM video_walls')).rows[0].n;
    const post = await app.inject({ method: 'POST', url: '/api/walls', headers: as('operator'), payload: body });
    expect(post.statusCode).toBe(400);
    expect((await app.db.query('SELECT count(*)::int AS n FROM video_walls')).rows[0].n).toBe(before);
  });

  it.each([
    ['too many rows', { rows: 7 }, /rows/],
    ['no columns', { cols: 0 }, /cols/],
    ['a cycle shorter than 5 s', { cycleSeconds: 3 }, /cycleSeconds/],
    ['a cycle longer than 10 minutes', { cycleSeconds: 601 }, /cycleSeconds/],
    ['no groups', { groups: [] }, /groups/],
    ['21 groups', { groups: Array.from({ length: 21 }, (_, i) => ({ name: `G${i}`, nameTh: `ก${i}`, cameraIds: [] })) }, /groups/],
    ['a group without a Thai name', { groups: [{ name: 'Roads', cameraIds: [] }] }, /nameTh/],
    ['a camera listed twice', { groups: [{ name: 'Roads', nameTh: 'ถนน', cameraIds: [1, 1] }] }, /cameraIds|duplicate/],
    ['an unexpected field', { layout: 'big' }, /additional/],
    ['an empty name', { name: '' }, /name/],
  ])('rejects %s with a bilingual 400 and changes nothing', async (_label, change, reason) => {
    const wall = await createWall();
    const reply = await app.inject({ method: 'PUT', url: `/api/walls/${wall.id}`, headers: as('operator'), payload: { ...layout(), ...change } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().message).toMatch(reason);
    expect(reply.json().messageTh).toBeTruthy();
    expect(await readWall(wall.id)).toEqual(wall);
  });

  it('answers 404 for saving a wall that does not exist', async () => {
    const reply = await app.inject({ method: 'PUT', url: '/api/walls/987654', headers: as('operator'), payload: layout() });
    expect(reply.statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/walls/987654', headers: as('admin') })).statusCode).toBe(404);
  });

  it('seeds the demo wall once and keeps an operator’s changes on the next seed', async () => {
    await seedDemoWall(app.db, cameraIds.slice(0, 2), cameraIds.slice(2));
    const demo = ((await app.inject({ url: '/api/walls', headers: as('viewer') })).json() as Wall[]).find((w) => w.name === 'Main wall')!;
    expect(demo).toMatchObject({ nameTh: 'วอลล์หลัก', rows: 2, cols: 2, cycleSeconds: 20, updatedBy: null });
    expect(demo.groups.map((g) => [g.name, g.nameTh, g.cameraIds])).toEqual([
      ['Roads', 'ถนนสายหลัก', cameraIds.slice(0, 2)],
      ['Town', 'ในเมือง', cameraIds.slice(2)],
    ]);
    const saved = await app.inject({ method: 'PUT', url: `/api/walls/${demo.id}`, headers: as('operator'), payload: { name: demo.name, nameTh: demo.nameTh, rows: 3, cols: 2, cycleSeconds: demo.cycleSeconds, groups: demo.groups } });
    expect(saved.statusCode).toBe(200);
    await seedDemoWall(app.db, cameraIds.slice(0, 2), cameraIds.slice(2));
    const walls = ((await app.inject({ url: '/api/walls', headers: as('viewer') })).json() as Wall[]).filter((w) => w.name === 'Main wall');
    expect(walls).toHaveLength(1);
    expect(walls[0]).toMatchObject({ rows: 3, cols: 2 });
  });
});
