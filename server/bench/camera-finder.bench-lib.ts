// Camera finder speed: 1,000 cameras over Chachoengsao with hours of recording index and events, findFootage timed.
// Run alone: `set -a; . .data-dev/env; set +a; node --import tsx server/bench/camera-finder.bench-lib.ts`.
import { seededRandom } from '../src/lib/seeded-random';
import { pathToFileURL } from 'node:url';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { streetCalibrationPairs } from '../src/db/demo-scenes';
import { calibrate } from '../src/geometry/calibration';
import { fromLocalMetres } from '../src/geometry/local-metres';
import { saveCalibration } from '../src/repositories/scene.repository';
import { findFootage } from '../src/services/camera-finder/find-footage';
import type { LonLat } from '../src/schemas';
import { createTestSchema } from '../test/test-env';

export interface BenchFinderOptions {
  cameras: number;
  queries: number;
  /** Hours of recording index and events per camera; default 6. */
  hours?: number;
  seed?: number;
}

export interface BenchFinderResult {
  cameras: number;
  queries: number;
  segments: number;
  events: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Mean cameras returned per request (the limit is 10). */
  meanCameras: number;
}

/** Standard normal by Box–Muller. */
const gaussian = (random: () => number) =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** District towns of Chachoengsao with a share of the cameras and a spread (km); the rest spread over the province. */
const TOWNS: { centre: LonLat; share: number; sigmaKm: number }[] = [
  { centre: { lon: 101.077, lat: 13.688 }, share: 0.3, sigmaKm: 2 }, // Mueang Chachoengsao
  { centre: { lon: 100.99, lat: 13.51 }, share: 0.12, sigmaKm: 1.5 }, // Bang Pakong
  { centre: { lon: 101.355, lat: 13.745 }, share: 0.1, sigmaKm: 1.2 }, // Phanom Sarakham
  { centre: { lon: 101.207, lat: 13.725 }, share: 0.06, sigmaKm: 1 }, // Bang Khla
  { centre: { lon: 100.99, lat: 13.6 }, share: 0.05, sigmaKm: 1 }, // Ban Pho
  { centre: { lon: 101.045, lat: 13.845 }, share: 0.05, sigmaKm: 1 }, // Bang Nam Priao
  { centre: { lon: 101.3, lat: 13.59 }, share: 0.04, sigmaKm: 1 }, // Plaeng Yao
  { centre: { lon: 101.44, lat: 13.65 }, share: 0.03, sigmaKm: 1 }, // Sanam Chai Khet
  { centre: { lon: 101.659, lat: 13.444 }, share: 0.03, sigmaKm: 0.8 }, // Tha Takiap
  { centre: { lon: 101.28, lat: 13.79 }, share: 0.02, sigmaKm: 0.8 }, // Ratchasan
];
const PROVINCE = { west: 100.9, east: 101.9, south: 13.2, north: 13.9 };
const CALIBRATED_SHARE = 0.35;
const SEGMENT_S = 60;

interface SyntheticCamera {
  location: LonLat;
  headingDeg: number;
  fovDeg: number;
  calibrated: boolean;
}

/** Junction sites (towns denser), one to four cameras each covering different approaches. */
function layout(count: number, random: () => number): SyntheticCamera[] {
  const out: SyntheticCamera[] = [];
  while (out.length < count) {
    let r = random();
    const town = TOWNS.find((t) => (r -= t.share) < 0);
    const site = town
      ? fromLocalMetres(town.centre, [
          gaussian(random) * town.sigmaKm * 1000,
          gaussian(random) * town.sigmaKm * 1000,
        ])
      : {
          lon: PROVINCE.west + random() * (PROVINCE.east - PROVINCE.west),
          lat: PROVINCE.south + random() * (PROVINCE.north - PROVINCE.south),
        };
    const perSite = Math.min(count - out.length, 1 + Math.floor(random() * 4));
    const first = random() * 360;
    for (let k = 0; k < perSite; k++) {
      out.push({
        location: fromLocalMetres(site, [(random() - 0.5) * 30, (random() - 0.5) * 30]),
        headingDeg: (first + k * 90 + (random() - 0.5) * 30 + 360) % 360,
        fovDeg: [45, 60, 60, 75, 90][Math.floor(random() * 5)]!,
        calibrated: random() < CALIBRATED_SHARE,
      });
    }
  }
  return out;
}

async function insertCameras(db: Pool, cameras: SyntheticCamera[]): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url, enabled)
     SELECT 'Bench camera ' || n, 'กล้องทดสอบ ' || n, ST_SetSRID(ST_MakePoint(lon, lat), 4326), h, f,
            'rtsp://127.0.0.1:1/bench-' || n, n % 10 <> 0
       FROM unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[]) WITH ORDINALITY AS t(lon, lat, h, f, n)
      ORDER BY n
     RETURNING id`,
    [
      cameras.map((c) => c.location.lon),
      cameras.map((c) => c.location.lat),
      cameras.map((c) => c.headingDeg),
      cameras.map((c) => c.fovDeg),
    ],
  );
  const ids = rows.map((r) => r.id);
  for (const [i, c] of cameras.entries()) {
    if (!c.calibrated) continue;
    const pairs = streetCalibrationPairs(c.location, c.headingDeg);
    const fit = calibrate(pairs);
    if (!fit.ok) continue;
    await saveCalibration(
      db,
      { cameraId: ids[i]!, pairs, homography: fit.homography, origin: fit.origin, error: fit.error },
      null,
    );
  }
  return ids;
}

/**
 * Per camera: 60-second segments over the hours with up to two outages (a gap row each, sometimes none: footage
 * missing without a reason), an alarm every ~20 minutes in its view and a periodic count every 5 minutes.
 */
async function fillHistory(
  db: Pool,
  ids: number[],
  cameras: SyntheticCamera[],
  start: Date,
  hours: number,
  random: () => number,
): Promise<void> {
  const endMs = start.getTime() + hours * 3_600_000;
  for (const [i, id] of ids.entries()) {
    const outages = Array.from({ length: Math.floor(random() * 3) }, () => {
      const from = start.getTime() + random() * (endMs - start.getTime());
      return { from, to: Math.min(endMs, from + (5 + random() * 40) * 60_000) };
    }).sort((a, b) => a.from - b.from);
    let cursor = start.getTime();
    const stretches: [number, number][] = [];
    for (const o of outages) {
      if (o.from > cursor) stretches.push([cursor, o.from]);
      cursor = Math.max(cursor, o.to);
    }
    if (cursor < endMs) stretches.push([cursor, endMs]);
    for (const [from, to] of stretches) {
      await db.query(
        `INSERT INTO recording_segments (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height,
                                         init_bytes, worker_id, clock_source)
         SELECT $1::int, t, LEAST(t + make_interval(secs => $4), $3::timestamptz), 1000000,
                $1::int || '/' || (extract(epoch FROM t) * 1000)::bigint || '.mp4', repeat('0', 64), 'avc1', 1920, 1080,
                900, 'bench', 'synthetic'
           FROM generate_series($2::timestamptz, $3::timestamptz - interval '1 second', make_interval(secs => $4)) AS t`,
        [id, new Date(from), new Date(to), SEGMENT_S],
      );
    }
    for (const o of outages.filter(() => random() < 0.7)) {
      await db.query(
        `INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason) VALUES ($1, $2, $3, $4)`,
        [id, new Date(o.from), new Date(o.to), random() < 0.5 ? 'camera_offline' : 'worker_died'],
      );
    }
    const c = cameras[i]!;
    const alarms = Array.from({ length: Math.round(hours * 3) }, () => {
      const b = ((c.headingDeg + (random() - 0.5) * c.fovDeg) * Math.PI) / 180;
      const d = 10 + random() * 80;
      return {
        type: random() < 0.5 ? 'traffic.incident' : 'traffic.congestion',
        at: new Date(start.getTime() + random() * hours * 3_600_000),
        p: fromLocalMetres(c.location, [d * Math.sin(b), d * Math.cos(b)]),
      };
    });
    await db.query(
      `INSERT INTO events (type, severity, location, camera_id, started_at, ended_at)
       SELECT type, 'high', ST_SetSRID(ST_MakePoint(lon, lat), 4326), $1::int, at, at + interval '3 minutes'
         FROM unnest($2::float8[], $3::float8[], $4::timestamptz[], $7::text[]) AS a(lon, lat, at, type)
       UNION ALL
       SELECT 'traffic.vehicles', 'info', location, $1::int, t, t + interval '5 minutes'
         FROM cameras, generate_series($5::timestamptz, $6::timestamptz, interval '5 minutes') AS t WHERE id = $1::int`,
      [
        id,
        alarms.map((a) => a.p.lon),
        alarms.map((a) => a.p.lat),
        alarms.map((a) => a.at),
        start,
        new Date(endMs),
        alarms.map((a) => a.type),
      ],
    );
  }
  await db.query('ANALYZE');
}

/** A place a request might name: mostly near a camera (where incidents are), some anywhere in a town. */
function requestPlace(cameras: SyntheticCamera[], random: () => number): LonLat {
  if (random() < 0.8) {
    const c = cameras[Math.floor(random() * cameras.length)]!;
    const b = random() * 2 * Math.PI;
    const d = random() * 120;
    return fromLocalMetres(c.location, [d * Math.sin(b), d * Math.cos(b)]);
  }
  const town = TOWNS[Math.floor(random() * TOWNS.length)]!;
  return fromLocalMetres(town.centre, [gaussian(random) * 1500, gaussian(random) * 1500]);
}

/**
 * Inserts `cameras` synthetic cameras (35 % calibrated, every tenth disabled) with `hours` of recording index and
 * events into `db` (a schema of its own: see {@link runFinderBench}), then times `queries` findFootage requests end
 * to end (candidates, ranking, coverage, events near) for 30-minute windows, one after another, after 20 untimed.
 */
export async function benchFinder(db: Pool, options: BenchFinderOptions): Promise<BenchFinderResult> {
  const random = seededRandom(options.seed ?? 20_310_314);
  const hours = options.hours ?? 6;
  const start = new Date('2031-03-14T00:00:00Z');
  const cameras = layout(options.cameras, random);
  const ids = await insertCameras(db, cameras);
  await fillHistory(db, ids, cameras, start, hours, random);

  const request = () => {
    const from = new Date(start.getTime() + random() * (hours - 0.5) * 3_600_000);
    return {
      place: requestPlace(cameras, random),
      uncertaintyM: 10 + random() * 20,
      window: { from, to: new Date(from.getTime() + 30 * 60_000) },
    };
  };
  for (let i = 0; i < 20; i++) await findFootage(db, request());
  const times: number[] = [];
  let returned = 0;
  for (let i = 0; i < options.queries; i++) {
    const input = request();
    const t0 = performance.now();
    const result = await findFootage(db, input);
    times.push(performance.now() - t0);
    returned += result.cameras.length;
  }
  const { rows } = await db.query<{ segments: number; events: number }>(
    `SELECT (SELECT count(*)::int FROM recording_segments) AS segments, (SELECT count(*)::int FROM events) AS events`,
  );
  return {
    cameras: ids.length,
    queries: options.queries,
    segments: rows[0]!.segments,
    events: rows[0]!.events,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: Math.max(...times),
    meanCameras: returned / Math.max(1, options.queries),
  };
}

/** benchFinder in a schema of its own on DATABASE_URL (migrated, dropped afterwards). */
export async function runFinderBench(options: BenchFinderOptions): Promise<BenchFinderResult> {
  const schema = await createTestSchema();
  const db = createPool(schema.databaseUrl, 4);
  try {
    await applyMigrations(db);
    return await benchFinder(db, options);
  } finally {
    await db.end();
    await schema.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const queries = Number(process.env.BENCH_FINDER_QUERIES ?? 500);
  const r = await runFinderBench({ cameras: Number(process.env.BENCH_FINDER_CAMERAS ?? 1000), queries });
  console.info(
    `camera finder: ${r.cameras} cameras, ${r.segments} segments, ${r.events} events; ${r.queries} requests ` +
      `p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms; ` +
      `${r.meanCameras.toFixed(1)} cameras per answer`,
  );
}
