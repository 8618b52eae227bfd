// Ground-plane calibration: fit image → ground metres from clicked pairs, reject bad layouts, map points and areas.
import type { CalibrationPair, LonLat, ReprojectionError } from '../schemas';
import {
  applyHomography,
  determinant3,
  fitHomographyDetailed,
  homographyW,
  invertHomography,
  type Vec2,
} from './homography';
import { fromLocalMetres, groundDistanceM, toLocalMetres } from './local-metres';
import { signedArea } from './plane';

/** What mapping needs from a stored calibration. */
export interface GroundCalibration {
  /** Row-major 3×3: normalised image point → metres east/north of `origin`. */
  homography: readonly number[];
  origin: LonLat;
}

export type CalibrateResult =
  | { ok: true; homography: number[]; origin: LonLat; error: ReprojectionError }
  | { ok: false; reason: string; reasonTh: string };

export const MIN_PAIRS = 4;
/** Image points closer than this (fraction of the frame, ≈ 2 px at 1920 wide) are the same click. */
const SAME_IMAGE_POINT = 1e-3;
/** Ground points closer than this are the same place; a calibration cannot use sub-decimetre separations. */
const SAME_GROUND_POINT_M = 0.1;
/**
 * Collinearity tolerance in Hartley-normalised units (points spread with mean distance √2 from their centroid):
 * a point this close to the line through others, relative to the spread, carries almost no 2-D information.
 */
const COLLINEAR = 1e-2;
/**
 * Smallest acceptable σ₈/σ₁ of the normalised DLT system. A well-spread layout gives ~0.1–0.5; near 0 means a
 * second, independent homography fits as well (e.g. four of five points on one line), so the answer is arbitrary.
 */
const MIN_CONDITION = 1e-3;
/** w at a given point below this fraction of the largest w maps it (practically) to infinity. */
const MIN_RELATIVE_W = 1e-6;

const fail = (reason: string, reasonTh: string): CalibrateResult => ({ ok: false, reason, reasonTh });

function centroid(points: readonly LonLat[]): LonLat {
  let lon = 0;
  let lat = 0;
  for (const p of points) {
    lon += p.lon;
    lat += p.lat;
  }
  return { lon: lon / points.length, lat: lat / points.length };
}

/** Points moved to their centroid and scaled to mean distance √2, so tolerances are independent of units. */
function hartley(points: readonly Vec2[]): Vec2[] {
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  const mean = points.reduce((s, p) => s + Math.hypot(p[0] - cx, p[1] - cy), 0) / points.length;
  const k = mean > 0 ? Math.SQRT2 / mean : 0;
  return points.map(([x, y]) => [(x - cx) * k, (y - cy) * k]);
}

/** Thickness of the point cloud across its main axis relative to its length along it (0 = all on one line). */
function thinness(points: readonly Vec2[]): number {
  const n = points.length;
  const cx = points.reduce((s, p) => s + p[0], 0) / n;
  const cy = points.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - cx) ** 2;
    syy += (y - cy) ** 2;
    sxy += (x - cx) * (y - cy);
  }
  const half = (sxx + syy) / 2;
  const root = Math.hypot((sxx - syy) / 2, sxy);
  const major = half + root;
  return major > 0 ? Math.sqrt(Math.max(0, half - root) / major) : 0;
}

/** Distance of the triangle's apex from its longest side (0 when the three points are collinear). */
function triangleHeight(a: Vec2, b: Vec2, c: Vec2): number {
  const longest = Math.max(
    Math.hypot(b[0] - a[0], b[1] - a[1]),
    Math.hypot(c[0] - b[0], c[1] - b[1]),
    Math.hypot(a[0] - c[0], a[1] - c[1]),
  );
  return longest > 0 ? Math.abs(2 * signedArea([a, b, c])) / longest : 0;
}

function firstDuplicate<T>(items: readonly T[], same: (a: T, b: T) => boolean): [number, number] | null {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) if (same(items[i]!, items[j]!)) return [i, j];
  }
  return null;
}

/** Human-facing pair numbers start at 1. */
const num = (i: number) => i + 1;

/**
 * Fit the image → ground homography from clicked pairs, or say (in English and Thai) why the pairs cannot work.
 * The origin is the centroid of the ground points; the error is the ground distance between each given ground
 * point and where its image point maps.
 */
export function calibrate(pairs: readonly CalibrationPair[]): CalibrateResult {
  if (pairs.length < MIN_PAIRS) {
    return fail(
      `At least ${MIN_PAIRS} calibration pairs are needed; got ${pairs.length}`,
      `ต้องมีคู่จุดปรับเทียบอย่างน้อย ${MIN_PAIRS} คู่ (ขณะนี้มี ${pairs.length} คู่)`,
    );
  }
  const bad = pairs.findIndex(
    (p) => ![p.image[0], p.image[1], p.ground.lon, p.ground.lat].every(Number.isFinite),
  );
  if (bad >= 0)
    return fail(`Pair ${num(bad)} has a coordinate that is not a number`, `คู่ที่ ${num(bad)} มีพิกัดที่ไม่ใช่ตัวเลข`);

  const image: Vec2[] = pairs.map((p) => [p.image[0], p.image[1]]);
  const origin = centroid(pairs.map((p) => p.ground));
  const ground: Vec2[] = pairs.map((p) => toLocalMetres(origin, p.ground));

  const dupImage = firstDuplicate(image, (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]) < SAME_IMAGE_POINT);
  if (dupImage) {
    const [i, j] = dupImage.map(num);
    return fail(`Pairs ${i} and ${j} use the same image point`, `คู่ที่ ${i} และ ${j} ใช้จุดบนภาพเดียวกัน`);
  }
  const dupGround = firstDuplicate(
    pairs,
    (a, b) => groundDistanceM(a.ground, b.ground) < SAME_GROUND_POINT_M,
  );
  if (dupGround) {
    const [i, j] = dupGround.map(num);
    return fail(`Pairs ${i} and ${j} use the same ground point`, `คู่ที่ ${i} และ ${j} ใช้จุดบนพื้นเดียวกัน`);
  }

  if (thinness(image) < COLLINEAR) {
    return fail(
      'All image points lie on one line; spread them across the road surface',
      'จุดบนภาพทั้งหมดอยู่บนเส้นตรงเดียวกัน กรุณากระจายจุดให้ทั่วพื้นผิวถนน',
    );
  }
  if (thinness(ground) < COLLINEAR) {
    return fail(
      'All ground points lie on one line; spread them across the road surface',
      'จุดบนพื้นทั้งหมดอยู่บนเส้นตรงเดียวกัน กรุณากระจายจุดให้ทั่วพื้นผิวถนน',
    );
  }

  // With exactly four pairs every point is essential, so any collinear three leaves the fit undetermined.
  // With more pairs the singular-value test below decides.
  if (pairs.length === MIN_PAIRS) {
    for (const [side, sideTh, pts] of [
      ['image', 'บนภาพ', hartley(image)],
      ['ground', 'บนพื้น', hartley(ground)],
    ] as const) {
      for (let skip = 0; skip < 4; skip++) {
        const idx = [0, 1, 2, 3].filter((k) => k !== skip) as [number, number, number];
        if (triangleHeight(pts[idx[0]]!, pts[idx[1]]!, pts[idx[2]]!) < COLLINEAR) {
          const [a, b, c] = idx.map(num);
          return fail(
            `The ${side} points of pairs ${a}, ${b} and ${c} lie on one line; with four pairs no three may be in line`,
            `จุด${sideTh}ของคู่ที่ ${a}, ${b} และ ${c} อยู่บนเส้นตรงเดียวกัน เมื่อใช้ 4 คู่ ห้ามมีสามจุดใดอยู่บนเส้นตรงเดียวกัน`,
          );
        }
      }
    }
  }

  const fit = fitHomographyDetailed(image, ground);
  const sv = fit.singularValues;
  const condition = (sv[7] ?? 0) / (sv[0] ?? 1);
  if (!(condition >= MIN_CONDITION)) {
    return fail(
      'The points do not pin down the ground plane (too many of them are nearly in line); add or spread out points',
      'ตำแหน่งจุดไม่เพียงพอต่อการกำหนดระนาบพื้น (หลายจุดเกือบอยู่บนเส้นตรงเดียวกัน) กรุณาเพิ่มหรือกระจายจุดให้ทั่ว',
    );
  }

  const h = fit.h;
  const ws = image.map((p) => homographyW(h, p));
  const maxW = Math.max(...ws);
  const atInfinity = ws.findIndex((w) => !(w > MIN_RELATIVE_W * maxW));
  if (atInfinity >= 0) {
    const i = num(atInfinity);
    return fail(
      `Pair ${i} would map to infinity: the pairs put it at or beyond the horizon. Check that each image point is matched to the right ground point`,
      `จุดบนภาพของคู่ที่ ${i} อยู่ที่หรือเลยเส้นขอบฟ้าตามการจับคู่นี้ กรุณาตรวจสอบว่าจับคู่จุดบนภาพกับจุดบนพื้นถูกต้อง`,
    );
  }

  // Image y runs down and ground north runs up, so an unmirrored camera view reverses turning order: the
  // Jacobian det(H)/w³ must be negative. With w > 0 at every point (checked above) its sign is det(H)'s.
  if (determinant3(h) >= 0) {
    return fail(
      'The pairs describe a mirror image: the ground points turn the opposite way to the image points. Check that each image point is matched to the right ground point',
      'คู่จุดให้ภาพกลับด้านแบบกระจก (ลำดับการวนของจุดบนพื้นกลับกันกับจุดบนภาพ) กรุณาตรวจสอบว่าจับคู่จุดบนภาพกับจุดบนพื้นถูกต้อง',
    );
  }

  const error = reprojectionError({ homography: h, origin }, pairs);
  if (!error) {
    return fail('The fit maps a given image point to infinity', 'การปรับเทียบทำให้จุดบนภาพบางจุดอยู่ไกลไม่สิ้นสุด');
  }
  return { ok: true, homography: h, origin, error };
}

/** Ground distance between each pair's ground point and where its image point maps; null if one maps to infinity. */
export function reprojectionError(
  calib: GroundCalibration,
  pairs: readonly CalibrationPair[],
): ReprojectionError | null {
  const perPairM: number[] = [];
  for (const pair of pairs) {
    const mapped = imageToGround(calib, pair.image);
    if (!mapped) return null;
    perPairM.push(groundDistanceM(pair.ground, mapped));
  }
  const meanM = perPairM.length ? perPairM.reduce((s, d) => s + d, 0) / perPairM.length : 0;
  return { meanM, maxM: Math.max(0, ...perPairM), perPairM };
}

/** Where on the ground an image point is; null above the horizon. */
export function imageToGround(calib: GroundCalibration, p: Vec2): LonLat | null {
  const en = applyHomography(calib.homography, p);
  return en ? fromLocalMetres(calib.origin, en) : null;
}

/**
 * Where a ground point appears in the image as [x, y] fractions, or null if it is behind the camera's ground
 * plane horizon. The result may fall outside 0..1: the place is off-frame.
 */
export function groundToImage(calib: GroundCalibration, g: LonLat): [number, number] | null {
  const inverse = invertHomography(calib.homography);
  return inverse ? applyHomography(inverse, toLocalMetres(calib.origin, g)) : null;
}

/**
 * Ground area in m² of an image polygon (for crowd density). A homography maps straight edges to straight edges,
 * so mapping the vertices and taking the shoelace area is exact. Null when any vertex is at or above the
 * horizon (the area would be unbounded) or the ring has fewer than 3 points.
 */
export function polygonGroundAreaM2(calib: GroundCalibration, ring: readonly Vec2[]): number | null {
  if (ring.length < 3) return null;
  const mapped: Vec2[] = [];
  for (const p of ring) {
    const en = applyHomography(calib.homography, p);
    if (!en) return null;
    mapped.push(en);
  }
  return Math.abs(signedArea(mapped));
}
