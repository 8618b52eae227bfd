// Evaluation of the camera finder: labelled footage requests around the demo cameras, share with the right camera in the top 3.
// Run: `set -a; . .data-dev/env; set +a; node --import tsx server/eval/camera-finder.eval.ts` (a schema of its own).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../src/config';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { STREET_SCENE, streetCalibrationPairs } from '../src/db/demo-scenes';
import { loadRoads, snapToRoad } from '../src/db/road-snap';
import { DEMO_CAMERAS } from '../src/db/seed';
import { calibrate, groundToImage, imageToGround, type GroundCalibration } from '../src/geometry/calibration';
import { bearingDeg, fromLocalMetres, groundDistanceM } from '../src/geometry/local-metres';
import { saveCalibration } from '../src/repositories/scene.repository';
import { findFootage } from '../src/services/camera-finder/find-footage';
import {
  DEFAULT_RANGE_M,
  DEFAULT_UNCERTAINTY_M,
  angleBetween,
} from '../src/services/camera-finder/rank-cameras';
import type { LonLat } from '../src/schemas';
import { createTestSchema } from '../test/test-env';
import { seededRandom } from '../src/lib/seeded-random';

interface EvalCamera {
  id: number;
  location: LonLat;
  /** As registered. */
  headingDeg: number;
  /** Where it really points: registered headings are installers' estimates, ±10° here. */
  trueHeadingDeg: number;
  fovDeg: number;
  calibration: GroundCalibration | null;
}

interface LabelledRequest {
  /** Where the incident was; the camera `label` saw it there. */
  truth: LonLat;
  /** Where the officer put it: 10–30 m off. */
  click: LonLat;
  at: Date;
  label: number;
  /** Every camera that truly saw the place (the label among them). */
  sawIt: Set<number>;
}

export interface FinderScore {
  requests: number;
  top1: number;
  top3: number;
  /** Any camera that truly saw the place in the first three: the requester finds the incident. */
  anyTop3: number;
  /** The right camera listed at all (within the 10 returned). */
  listed: number;
  meanListed: number;
}

const T0 = Date.parse('2031-03-14T01:00:00Z');
const REQUESTS_PER_CAMERA = 40;

const offset = (p: LonLat, bearing: number, metres: number): LonLat => {
  const b = (bearing * Math.PI) / 180;
  return fromLocalMetres(p, [metres * Math.sin(b), metres * Math.cos(b)]);
};

/** Ground truth of "this camera shows that place": in the calibrated frame, else in the field of view; within range. */
function sees(c: EvalCamera, p: LonLat): boolean {
  const d = groundDistanceM(c.location, p);
  if (d > DEFAULT_RANGE_M) return false;
  if (c.calibration) {
    const q = groundToImage(c.calibration, p);
    return q !== null && q.every((v) => v >= 0 && v <= 1);
  }
  return d < 1 || angleBetween(bearingDeg(c.location, p), c.trueHeadingDeg) <= c.fovDeg / 2;
}

/** A point uniformly inside an image polygon (rejection sampling in its bounding box). */
function inPolygon(polygon: readonly (readonly [number, number])[], random: () => number): [number, number] {
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  for (;;) {
    const x = Math.min(...xs) + random() * (Math.max(...xs) - Math.min(...xs));
    const y = Math.min(...ys) + random() * (Math.max(...ys) - Math.min(...ys));
    let inside = false;
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      const [xi, yi] = polygon[i]!;
      const [xj, yj] = polygon[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (inside) return [x, y];
  }
}

/**
 * Where an incident seen by the camera happens: on its roadway or footpath zone through the calibration (where the
 * pipeline puts its events), else anywhere in its field of view 8–60 m out (the plaza camera's crowd area).
 */
function incidentPlace(c: EvalCamera, random: () => number): LonLat {
  if (c.calibration) {
    const zone = STREET_SCENE.zones[random() < 0.8 ? 0 : 1]!;
    return imageToGround(c.calibration, inPolygon(zone.polygon, random))!;
  }
  return offset(c.location, c.trueHeadingDeg + (random() - 0.5) * 0.9 * c.fovDeg, 8 + random() * 52);
}

async function insertCamera(
  db: Pool,
  c: Omit<EvalCamera, 'id' | 'calibration' | 'trueHeadingDeg'>,
  calibrated: boolean,
  random: () => number,
): Promise<EvalCamera> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url)
     VALUES ('Eval camera', 'กล้องประเมินผล', ST_SetSRID(ST_MakePoint($1, $2), 4326), $3, $4, 'rtsp://127.0.0.1:1/eval')
     RETURNING id`,
    [c.location.lon, c.location.lat, c.headingDeg, c.fovDeg],
  );
  const id = rows[0]!.id;
  if (!calibrated)
    return { ...c, id, trueHeadingDeg: c.headingDeg + (random() - 0.5) * 20, calibration: null };
  // The demo's approximate street calibration, as seeding gives the road cameras.
  const pairs = streetCalibrationPairs(c.location, c.headingDeg);
  const fit = calibrate(pairs);
  if (!fit.ok) throw new Error(fit.reason);
  await saveCalibration(
    db,
    { cameraId: id, pairs, homography: fit.homography, origin: fit.origin, error: fit.error },
    null,
  );
  // The calibration shows where it really points.
  return {
    ...c,
    id,
    trueHeadingDeg: c.headingDeg,
    calibration: { homography: fit.homography, origin: fit.origin },
  };
}

/** The demo cameras where seeding puts them (snapped to their road when the roads layer is there). */
async function demoPlacements(): Promise<
  { location: LonLat; headingDeg: number; fovDeg: number; street: boolean }[]
> {
  const roads = await loadRoads(process.env.SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared')).catch(
    () => null,
  );
  return DEMO_CAMERAS.map((d) => ({
    location: roads && d.road ? snapToRoad(roads, d.near, d.road, 3) : d.near,
    headingDeg: d.headingDeg,
    fovDeg: d.fovDeg,
    street: d.stream.startsWith('odc_street'),
  }));
}

/**
 * The demo cameras, and with `neighbours` > 0 that many more around each (10–150 m off, any heading, 40 % with a
 * street calibration), as a junction with several cameras would have. Each camera gets REQUESTS_PER_CAMERA demo
 * incidents (stored as events, as the pipeline would) and a request for each, the click 10–30 m off.
 */
async function buildRequests(db: Pool, neighbours: number, random: () => number): Promise<LabelledRequest[]> {
  const cameras: EvalCamera[] = [];
  for (const demo of await demoPlacements()) {
    cameras.push(await insertCamera(db, demo, demo.street, random));
    for (let k = 0; k < neighbours; k++) {
      const location = offset(demo.location, random() * 360, 10 + random() * 140);
      const fovDeg = [45, 60, 75, 90][Math.floor(random() * 4)]!;
      cameras.push(
        await insertCamera(db, { location, headingDeg: random() * 360, fovDeg }, random() < 0.4, random),
      );
    }
  }
  const requests: LabelledRequest[] = [];
  for (const c of cameras) {
    for (let i = 0; i < REQUESTS_PER_CAMERA; i++) {
      const truth = incidentPlace(c, random);
      const at = new Date(T0 + Math.floor(random() * 6 * 3_600_000));
      await db.query(
        `INSERT INTO events (type, severity, location, camera_id, started_at, ended_at)
         VALUES ($1, 'high', ST_SetSRID(ST_MakePoint($2, $3), 4326), $4, $5, $5::timestamptz + interval '2 minutes')`,
        [c.calibration ? 'traffic.incident' : 'crowd.alert', truth.lon, truth.lat, c.id, at],
      );
      const click = offset(truth, random() * 360, 10 + random() * 20);
      const sawIt = new Set(cameras.filter((o) => sees(o, truth)).map((o) => o.id));
      requests.push({ truth, click, at, label: c.id, sawIt: sawIt.add(c.id) });
    }
  }
  return requests;
}

async function score(
  db: Pool,
  requests: readonly LabelledRequest[],
  uncertaintyM?: number,
): Promise<FinderScore> {
  const s: FinderScore = {
    requests: requests.length,
    top1: 0,
    top3: 0,
    anyTop3: 0,
    listed: 0,
    meanListed: 0,
  };
  for (const r of requests) {
    const window = { from: new Date(r.at.getTime() - 5 * 60_000), to: new Date(r.at.getTime() + 5 * 60_000) };
    const found = await findFootage(db, { place: r.click, window, uncertaintyM });
    const order = found.cameras.map((c) => c.cameraId);
    if (order[0] === r.label) s.top1++;
    if (order.slice(0, 3).includes(r.label)) s.top3++;
    if (order.slice(0, 3).some((id) => r.sawIt.has(id))) s.anyTop3++;
    if (order.includes(r.label)) s.listed++;
    s.meanListed += order.length / requests.length;
  }
  return s;
}

/**
 * Each scenario in a schema of its own, scored at each stated uncertainty (undefined: not given, the finder's
 * default).
 */
export async function evaluateFinder(
  seed = 20_310_314,
  uncertainties: readonly (number | undefined)[] = [30, undefined],
): Promise<{ name: string; uncertainty: string; score: FinderScore }[]> {
  const out: { name: string; uncertainty: string; score: FinderScore }[] = [];
  for (const [name, neighbours] of [
    ['demo cameras', 0],
    ['demo cameras + 5 neighbours each', 5],
    ['demo cameras + 10 neighbours each', 10],
  ] as const) {
    const schema = await createTestSchema();
    const db = createPool(schema.databaseUrl, 4);
    try {
      await applyMigrations(db);
      const requests = await buildRequests(db, neighbours, seededRandom(seed));
      for (const uncertaintyM of uncertainties) {
        const label =
          uncertaintyM === undefined ? `not given (default ${DEFAULT_UNCERTAINTY_M} m)` : `${uncertaintyM} m`;
        out.push({ name, uncertainty: label, score: await score(db, requests, uncertaintyM) });
      }
    } finally {
      await db.end();
      await schema.drop();
    }
  }
  return out;
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // EVAL_UNCERTAINTIES=0,10,30,none: the uncertainty stated with each request ('none': not given).
  const uncertainties = (process.env.EVAL_UNCERTAINTIES ?? '30,none')
    .split(',')
    .map((u) => (u === 'none' ? undefined : Number(u)));
  const results = await evaluateFinder(Number(process.env.EVAL_SEED ?? 20_310_314), uncertainties);
  console.info('camera finder — click 10–30 m off the incident; label: the camera that saw it');
  for (const { name, uncertainty, score: s } of results) {
    console.info(
      `  ${name}, uncertainty ${uncertainty}: ${s.requests} requests; right camera first ${pct(s.top1, s.requests)}, ` +
        `in top 3 ${pct(s.top3, s.requests)}, listed ${pct(s.listed, s.requests)}; ` +
        `a camera that saw it in top 3 ${pct(s.anyTop3, s.requests)}; ${s.meanListed.toFixed(1)} cameras listed`,
    );
  }
}
