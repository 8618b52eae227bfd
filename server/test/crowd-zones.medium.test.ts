// Medium: GET /api/crowd-zones on real PostGIS — calibrated crowd areas only, on the ground, with the latest count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { upsertUser } from '../src/repositories/users.repository';
import { insertCamera } from '../src/repositories/cameras.repository';
import { insertCrowdSample } from '../src/repositories/counts.repository';
import { hashPassword } from '../src/services/passwords';
import { fromLocalMetres, groundDistanceM } from '../src/geometry/local-metres';
import type { CameraSceneInput, CrowdZoneCollection } from '../src/schemas';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const tokens: Record<string, string> = {};
const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
const origin = { lon: 101.0757, lat: 13.6786 };

const plaza: CameraSceneInput = {
  zones: [
    { kind: 'roadway', name: 'Lane', nameTh: 'ช่องจราจร', polygon: [[0, 0.5], [1, 0.5], [1, 1], [0, 1]], direction: [0, 1] },
    { kind: 'crowd_area', name: 'Plaza', nameTh: 'ลาน', polygon: [[0, 0], [0.5, 0], [0.5, 0.5], [0, 0.5]], alertAbove: 0.3, clearBelow: 0.1 },
  ],
  lines: [],
};

async function addCamera(name: string): Promise<number> {
  const camera = await insertCamera(app.db, { name, nameTh: name, location: origin, headingDeg: 0, fovDeg: 60, rtspUrl: 'rtsp://127.0.0.1:8554/none' });
  const put = await app.inject({ method: 'PUT', url: `/api/cameras/${camera.id}/scene`, headers: as('admin'), payload: plaza });
  expect(put.statusCode).toBe(200);
  return camera.id;
}

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  for (const role of ['admin', 'viewer'] as const) {
    await upsertUser(app.db, { username: role, displayName: role, role, passwordHash: await hashPassword(`pw-${role}`) });
    const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: role, password: `pw-${role}` } });
    tokens[role] = reply.json().token;
  }
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('crowd zones on the map', () => {
  it('returns the crowd areas of calibrated cameras on the ground with the latest density, to every role', async () => {
    const calibrated = await addCamera('Plaza camera');
    await addCamera('Uncalibrated camera');
    // Looking straight down at a 40 m × 20 m plaza: image x → east, image y → south.
    const pairs = [
      [0, 0, -20, 10],
      [1, 0, 20, 10],
      [1, 1, 20, -10],
      [0, 1, -20, -10],
      [0.5, 0.5, 0, 0],
    ].map(([x, y, e, n]) => ({ image: [x, y], ground: fromLocalMetres(origin, [e!, n!]) }));
    const calibration = await app.inject({ method: 'PUT', url: `/api/cameras/${calibrated}/calibration`, headers: as('admin'), payload: { pairs } });
    expect(calibration.statusCode).toBe(200);
    const scene = (await app.inject({ method: 'GET', url: `/api/cameras/${calibrated}/scene`, headers: as('viewer') })).json();
    const zoneId = scene.zones.find((z: { kind: string }) => z.kind === 'crowd_area').id as number;
    const now = Date.now();
    await insertCrowdSample(app.db, calibrated, { zoneId, at: new Date(now - 20_000).toISOString(), countMean: 10, countMax: 12, density: null });
    await insertCrowdSample(app.db, calibrated, { zoneId, at: new Date(now - 5_000).toISOString(), countMean: 50, countMax: 55, density: null });

    const reply = await app.inject({ method: 'GET', url: '/api/crowd-zones', headers: as('viewer') });
    expect(reply.statusCode).toBe(200);
    const body = reply.json() as CrowdZoneCollection;
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(1);
    const [feature] = body.features;
    expect(feature!.properties).toMatchObject({ zoneId, cameraId: calibrated, name: 'Plaza', count: 50, countMax: 55, stale: false, alertAbove: 0.3 });
    // 50 people on the 20 m × 10 m north-west quarter of the plaza.
    expect(feature!.properties.areaM2).toBeCloseTo(200, 0);
    expect(feature!.properties.density).toBeCloseTo(0.25, 3);
    const [lon, lat] = feature!.geometry.coordinates[0]![0]!;
    expect(groundDistanceM({ lon: lon!, lat: lat! }, fromLocalMetres(origin, [-20, 10]))).toBeLessThan(0.1);
  });

  it('refuses a caller without a session', async () => {
    const reply = await app.inject({ method: 'GET', url: '/api/crowd-zones' });
    expect(reply.statusCode).toBe(401);
    expect(reply.json().messageTh).toBeTruthy();
  });
});
