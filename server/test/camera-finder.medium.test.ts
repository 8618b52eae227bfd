// Medium: the camera finder on real PostGIS — ranking by view, coverage with gaps and their reasons, events near.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { streetCalibrationPairs } from '../src/db/demo-scenes';
import { calibrate, imageToGround } from '../src/geometry/calibration';
import { fromLocalMetres } from '../src/geometry/local-metres';
import { insertCamera } from '../src/repositories/cameras.repository';
import { saveCalibration } from '../src/repositories/scene.repository';
import { findFootage } from '../src/services/camera-finder/find-footage';
import type { FootageSearch, FoundCamera } from '../src/schemas/camera-finder.schema';
import type { LonLat } from '../src/schemas';
import { createTestSchema } from './test-env';

const T0 = Date.parse('2031-03-14T01:00:00Z');
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN);
const WINDOW = { from: at(0), to: at(30) };

let db: Pool;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
/** The incident: where the calibrated camera shows image point (0.45, 0.65). */
let place: LonLat;
const ids: Record<string, number> = {};

/** A point `metres` from the place on `bearing`. */
const from = (bearing: number, metres: number): LonLat => {
  const b = (bearing * Math.PI) / 180;
  return fromLocalMetres(place, [metres * Math.sin(b), metres * Math.cos(b)]);
};

async function camera(key: string, location: LonLat, headingDeg: number, enabled = true): Promise<number> {
  const c = await insertCamera(db, {
    name: `Camera ${key}`,
    nameTh: `กล้อง ${key}`,
    location,
    headingDeg: (headingDeg + 360) % 360,
    fovDeg: 60,
    rtspUrl: 'rtsp://127.0.0.1:9/none',
    enabled,
  });
  ids[key] = c.id;
  return c.id;
}

/** A camera `metres` from the place facing it, turned by `turn` degrees. */
const facing = (key: string, bearing: number, metres: number, turn = 0, enabled = true) =>
  camera(key, from(bearing, metres), bearing + 180 + turn, enabled);

let segmentNo = 0;
async function segment(cameraId: number, startMin: number, endMin: number): Promise<void> {
  segmentNo++;
  await db.query(
    `INSERT INTO recording_segments (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height,
                                     init_bytes, worker_id, clock_source)
     VALUES ($1, $2, $3, 1000, $4, $5, 'h264', 1280, 720, 800, 'w1', 'ntp')`,
    [cameraId, at(startMin), at(endMin), `${cameraId}/x/${segmentNo}.mp4`, 'a'.repeat(64)],
  );
}

async function event(
  type: string,
  severity: string,
  location: LonLat,
  cameraId: number | null,
  startMin: number,
  endMin: number | null,
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO events (type, severity, location, camera_id, started_at, ended_at)
     VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5, $6, $7) RETURNING id`,
    [type, severity, location.lon, location.lat, cameraId, at(startMin), endMin === null ? null : at(endMin)],
  );
  return rows[0]!.id;
}

let result: FootageSearch;
const found = (key: string): FoundCamera | undefined => result.cameras.find((c) => c.cameraId === ids[key]);
const eventIds: Record<string, number> = {};

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);

  // Calibrated camera first: the place is defined by what it sees.
  const calLocation = { lon: 101.07, lat: 13.69 };
  const pairs = streetCalibrationPairs(calLocation, 80);
  const fit = calibrate(pairs);
  if (!fit.ok) throw new Error(fit.reason);
  const cal = await camera('calibrated', calLocation, 80);
  await saveCalibration(
    db,
    { cameraId: cal, pairs, homography: fit.homography, origin: fit.origin, error: fit.error },
    null,
  );
  place = imageToGround(fit, [0.45, 0.65])!;

  await facing('near-facing', 200, 60);
  await facing('far-facing', 320, 130);
  await facing('disabled-facing', 10, 100, 0, false);
  await facing('close-away', 140, 15, 175);
  await facing('away', 250, 80, 180);
  await facing('outside-radius', 100, 1_000);

  // Calibrated: footage 00:59:30–01:10 (six segments; one second of jitter between two), offline 01:10–01:15,
  // footage 01:15–01:25, then nothing and no reason.
  const firstSpan: [number, number][] = [
    [-0.5, 1],
    [1, 3],
    [3, 5],
    [5 + 1 / 60, 7],
    [7, 9],
    [9, 10],
  ];
  for (const [start, end] of firstSpan) await segment(cal, start, end);
  await db.query(
    `INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason, detail) VALUES ($1, $2, $3, 'camera_offline', 'no RTSP')`,
    [cal, at(10), at(15)],
  );
  for (let m = 15; m < 25; m += 5) await segment(cal, m, m + 5);
  // Near-facing: an open gap begun before the window (still not recording).
  await db.query(
    `INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason) VALUES ($1, $2, NULL, 'storage_full')`,
    [ids['near-facing'], at(-10)],
  );

  eventIds.incident = await event('traffic.incident', 'high', from(90, 5), cal, 5, 6);
  eventIds.ongoing = await event('traffic.congestion', 'medium', from(0, 40), ids['near-facing']!, -30, null);
  await event('traffic.vehicles', 'info', place, cal, 5, 6);
  await event('traffic.incident', 'high', from(0, 2_000), null, 5, 6);
  await event('traffic.incident', 'high', place, cal, -24 * 60, -24 * 60 + 5);

  result = await findFootage(db, { place, window: WINDOW, uncertaintyM: 10 });
});

afterAll(async () => {
  await db?.end();
  await schema?.drop();
});

describe('ranking', () => {
  it('puts the calibrated camera that sees the place first, with its image point', () => {
    const first = result.cameras[0]!;
    expect(first.cameraId).toBe(ids.calibrated);
    expect(first.basis).toBe('calibration');
    expect(first.calibrated).toBe(true);
    expect(first.imagePoint![0]).toBeCloseTo(0.45, 2);
    expect(first.imagePoint![1]).toBeCloseTo(0.65, 2);
    expect(first.reasonTh).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('ranks cameras that face the place by distance, a close one facing away last, and leaves out the rest', () => {
    const order = result.cameras.map((c) => c.cameraId);
    expect(order).toEqual(
      ['calibrated', 'near-facing', 'disabled-facing', 'far-facing', 'close-away'].map((k) => ids[k]),
    );
    expect(result.cameras.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(found('close-away')!.basis).toBe('nearby');
    expect(found('far-facing')!.basis).toBe('field-of-view');
    expect(found('far-facing')!.distanceM).toBeCloseTo(130, 0);
    expect(found('away')).toBeUndefined();
    expect(found('outside-radius')).toBeUndefined();
  });

  it('includes a disabled camera: it may have recorded before it was turned off', () => {
    expect(found('disabled-facing')!.enabled).toBe(false);
  });
});

describe('coverage', () => {
  it('merges contiguous segments, cuts them to the window and explains each gap', () => {
    const c = found('calibrated')!.coverage;
    expect(c.spans).toEqual([
      { from: at(0).toISOString(), to: at(10).toISOString() },
      { from: at(15).toISOString(), to: at(25).toISOString() },
    ]);
    expect(c.gaps.map((g) => [g.from, g.to, g.reason, g.detail])).toEqual([
      [at(10).toISOString(), at(15).toISOString(), 'camera_offline', 'no RTSP'],
      [at(25).toISOString(), at(30).toISOString(), 'not_recorded', null],
    ]);
    expect(c.gaps[0]!.textTh).toMatch(/[\u0E00-\u0E7F]/);
    expect(c.coveredSeconds).toBe(20 * 60);
    expect(c.fraction).toBeCloseTo(2 / 3, 3);
  });

  it('gives an open gap begun before the window as the reason for all of it, and "not recorded" where nothing is known', () => {
    const open = found('near-facing')!.coverage;
    expect(open.spans).toEqual([]);
    expect(open.gaps.map((g) => [g.from, g.to, g.reason])).toEqual([
      [WINDOW.from.toISOString(), WINDOW.to.toISOString(), 'storage_full'],
    ]);
    expect(open.fraction).toBe(0);
    const none = found('far-facing')!.coverage;
    expect(none.gaps.map((g) => g.reason)).toEqual(['not_recorded']);
    expect(none.coveredSeconds).toBe(0);
  });
});

describe('events near', () => {
  it('lists alarms near the place in the window, nearest first, and flags the camera that raised each', () => {
    expect(result.events.map((e) => e.id)).toEqual([eventIds.incident, eventIds.ongoing]);
    expect(result.events[0]!.distanceM).toBeCloseTo(5, 0);
    expect(found('calibrated')!.eventIds).toEqual([eventIds.incident]);
    expect(found('near-facing')!.eventIds).toEqual([eventIds.ongoing]);
    expect(found('far-facing')!.eventIds).toEqual([]);
  });
});

describe('requests', () => {
  it('refuses a reversed or too long window with a reason in Thai and English', async () => {
    await expect(findFootage(db, { place, window: { from: at(10), to: at(0) } })).rejects.toMatchObject({
      statusCode: 400,
      messageTh: expect.stringMatching(/[\u0E00-\u0E7F]/),
    });
    await expect(
      findFootage(db, { place, window: { from: at(0), to: at(8 * 24 * 60) } }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('honours the limit and a smaller radius', async () => {
    const two = await findFootage(db, { place, window: WINDOW, limit: 2 });
    expect(two.cameras.map((c) => c.cameraId)).toEqual([ids.calibrated, ids['near-facing']]);
    const small = await findFootage(db, { place, window: WINDOW, radiusM: 70 });
    expect(small.cameras.map((c) => c.cameraId)).toEqual([
      ids.calibrated,
      ids['near-facing'],
      ids['close-away'],
    ]);
  });
});
