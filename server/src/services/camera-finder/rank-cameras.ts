// Pure ranking of the cameras that could have seen a place: calibrated view, else heading and field of view, else near.
import { type GroundCalibration } from '../../geometry/calibration';
import { applyHomography, invertHomography } from '../../geometry/homography';
import { bearingDeg, fromLocalMetres, groundDistanceM, toLocalMetres } from '../../geometry/local-metres';
import type { LonLat } from '../../schemas/common.schema';
import type { FinderBasis } from '../../schemas/camera-finder.schema';

export interface CandidateCamera {
  id: number;
  location: LonLat;
  headingDeg: number;
  fovDeg: number;
  calibration?: GroundCalibration | null;
  /** Beyond this the camera shows too little detail to be useful; default {@link DEFAULT_RANGE_M}. */
  maxRangeM?: number | null;
}

export interface RankOptions {
  /** How far off the place may be (the officer's click, an address); default {@link DEFAULT_UNCERTAINTY_M}. */
  uncertaintyM?: number;
  /** Useful range for cameras without their own; default {@link DEFAULT_RANGE_M}. */
  defaultRangeM?: number;
  /** A camera this close is listed even when it does not face the place; default {@link NEARBY_M}. */
  nearbyM?: number;
}

export interface RankedCamera {
  cameraId: number;
  /** 0..1; every camera that sees part of the place scores above every camera that is merely near. */
  score: number;
  basis: FinderBasis;
  distanceM: number;
  /** Angle between the camera's heading and the direction to the place, 0..180. */
  bearingOffDeg: number;
  /** Share of the uncertain place (a disc) that is in view. */
  viewShare: number;
  /** Where the place is in the calibrated image, when it is in the frame. */
  imagePoint: [number, number] | null;
  reason: string;
  reasonTh: string;
}

/**
 * Why 150 m: at 1920 px across a 60° lens the frame is 1.15·d metres wide at distance d, so a car (1.8 m) is
 * 1920·1.8 / (1.15·d) ≈ 3000/d px wide: ≈ 20 px at 150 m, about the least a detector (or a person scrubbing footage)
 * can make out a vehicle in. Faces and plates need far closer; this range is for "the incident is visible".
 */
export const DEFAULT_RANGE_M = 150;
/** A map click or a described place is rarely better than this, so a request without a radius still gets some. */
export const DEFAULT_UNCERTAINTY_M = 25;
/** A camera this close may still help facing away: the heading on file may be stale, people and vehicles pass it. */
export const NEARBY_M = 30;
/** Registered headings are installers' estimates; allow this much either side of the field of view. */
const HEADING_SLACK_DEG = 5;
/** Part of an object at the frame edge still shows; fraction of the frame. */
const FRAME_MARGIN = 0.03;
/** Heading and field of view say nothing of poles, trees and the blind spot under the camera: trust them less. */
const FOV_WEIGHT = 0.7;
/** Scores below this are "near, not seeing"; scores at or above, "sees part of the place". */
const SEEN_FLOOR = 0.1;
/** Points spread evenly over the uncertainty disc (a sunflower pattern: deterministic, equal areas). */
const DISC_SAMPLES = 32;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Detail left at a distance: 1 close up, ½ at half the range, ⅕ at the range (pixels per metre fall with d). */
export const detailAt = (distanceM: number, rangeM: number): number =>
  1 / (1 + (distanceM / (rangeM / 2)) ** 2);

/** Smallest angle between two bearings, 0..180. */
export function angleBetween(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

/** Places spread evenly over the disc of the place's uncertainty (the place itself when it has none). */
export function discSamples(place: LonLat, radiusM: number): LonLat[] {
  if (!(radiusM > 0)) return [place];
  const out: LonLat[] = [];
  for (let i = 0; i < DISC_SAMPLES; i++) {
    const r = radiusM * Math.sqrt((i + 0.5) / DISC_SAMPLES);
    const a = i * GOLDEN_ANGLE;
    out.push(fromLocalMetres(place, [r * Math.cos(a), r * Math.sin(a)]));
  }
  return out;
}

type ImageMapper = (p: LonLat) => [number, number] | null;

/** Ground → image for one calibration, inverting once; null when the homography is singular. */
function imageMapper(calibration: GroundCalibration): ImageMapper | null {
  const inverse = invertHomography(calibration.homography);
  if (!inverse) return null;
  return (p) => applyHomography(inverse, toLocalMetres(calibration.origin, p));
}

const inFrame = (p: [number, number] | null): p is [number, number] =>
  p !== null && p.every((v) => v >= -FRAME_MARGIN && v <= 1 + FRAME_MARGIN);

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const pct = (share: number) => Math.round(share * 100);
const metres = (d: number) => Math.round(d);

/** Judge one camera; null when it neither sees the place nor stands close to it. */
export function assessCamera(
  place: LonLat,
  camera: CandidateCamera,
  options: RankOptions = {},
  samples: readonly LonLat[] = discSamples(place, options.uncertaintyM ?? DEFAULT_UNCERTAINTY_M),
): RankedCamera | null {
  const rangeM = camera.maxRangeM ?? options.defaultRangeM ?? DEFAULT_RANGE_M;
  const nearbyM = options.nearbyM ?? NEARBY_M;
  const distanceM = groundDistanceM(camera.location, place);
  // Straight under the camera the direction is undefined; call it ahead.
  const offAt = (p: LonLat, d: number) =>
    d < 1 ? 0 : angleBetween(bearingDeg(camera.location, p), camera.headingDeg);
  const bearingOffDeg = offAt(place, distanceM);
  const mapper = camera.calibration ? imageMapper(camera.calibration) : null;

  // Expected detail over the disc: each sample in view adds the detail at its distance.
  let seen = 0;
  let detail = 0;
  for (const p of samples) {
    const d = groundDistanceM(camera.location, p);
    if (d > rangeM) continue;
    const visible = mapper ? inFrame(mapper(p)) : offAt(p, d) <= camera.fovDeg / 2 + HEADING_SLACK_DEG;
    if (!visible) continue;
    seen++;
    detail += detailAt(d, rangeM);
  }
  const viewShare = seen / samples.length;
  const centre = mapper ? mapper(place) : null;
  const imagePoint = inFrame(centre)
    ? ([round(centre[0], 4), round(centre[1], 4)] as [number, number])
    : null;
  const base = {
    cameraId: camera.id,
    distanceM: round(distanceM, 1),
    bearingOffDeg: round(bearingOffDeg, 1),
  };

  if (seen > 0) {
    const weight = mapper ? 1 : FOV_WEIGHT;
    const score = SEEN_FLOOR + (1 - SEEN_FLOOR) * weight * (detail / samples.length);
    const text = mapper
      ? calibrationReason(viewShare, imagePoint, distanceM)
      : fovReason(viewShare, bearingOffDeg, camera.fovDeg, distanceM);
    return {
      ...base,
      score: round(score, 4),
      basis: mapper ? 'calibration' : 'field-of-view',
      viewShare,
      imagePoint,
      ...text,
    };
  }
  if (distanceM <= nearbyM) {
    // Below every seeing camera; among the near ones, closer and less turned away first.
    const facing = 1 - bearingOffDeg / 360;
    const score = SEEN_FLOOR * 0.9 * detailAt(distanceM, rangeM) * facing;
    return {
      ...base,
      score: round(score, 4),
      basis: 'nearby',
      viewShare: 0,
      imagePoint,
      ...nearbyReason(!!mapper, bearingOffDeg, distanceM),
    };
  }
  return null;
}

/** The cameras that could have seen the place, best first (score, then nearer, then lower id: deterministic). */
export function rankCameras(
  place: LonLat,
  cameras: readonly CandidateCamera[],
  options: RankOptions = {},
): RankedCamera[] {
  const samples = discSamples(place, options.uncertaintyM ?? DEFAULT_UNCERTAINTY_M);
  const ranked: RankedCamera[] = [];
  for (const camera of cameras) {
    const result = assessCamera(place, camera, options, samples);
    if (result) ranked.push(result);
  }
  return ranked.sort((a, b) => b.score - a.score || a.distanceM - b.distanceM || a.cameraId - b.cameraId);
}

function calibrationReason(share: number, at: [number, number] | null, d: number) {
  const where = at ? ` at (${pct(at[0])} %, ${pct(at[1])} %) of the image` : '';
  const whereTh = at ? ` ที่ตำแหน่ง (${pct(at[0])} %, ${pct(at[1])} %) ของภาพ` : '';
  return share >= 1
    ? {
        reason: `In the calibrated view${where}, ${metres(d)} m from the camera`,
        reasonTh: `อยู่ในภาพของกล้องที่ปรับเทียบแล้ว${whereTh} ห่างจากกล้อง ${metres(d)} ม.`,
      }
    : {
        reason: `${pct(share)} % of the area around the place is in the calibrated view${where}, ${metres(d)} m from the camera`,
        reasonTh: `พื้นที่รอบจุดเกิดเหตุ ${pct(share)} % อยู่ในภาพของกล้องที่ปรับเทียบแล้ว${whereTh} ห่างจากกล้อง ${metres(d)} ม.`,
      };
}

function fovReason(share: number, off: number, fov: number, d: number) {
  const how = `${Math.round(off)}° off its heading (field of view ${Math.round(fov)}°), ${metres(d)} m away`;
  const howTh = `ห่างจากแนวกล้อง ${Math.round(off)}° (มุมมอง ${Math.round(fov)}°) ระยะ ${metres(d)} ม.`;
  return share >= 1
    ? { reason: `Faces the place: ${how}`, reasonTh: `หันไปทางจุดเกิดเหตุ: ${howTh}` }
    : {
        reason: `Sees ${pct(share)} % of the area around the place: ${how}`,
        reasonTh: `เห็นพื้นที่รอบจุดเกิดเหตุ ${pct(share)} %: ${howTh}`,
      };
}

function nearbyReason(calibrated: boolean, off: number, d: number) {
  return calibrated
    ? {
        reason: `Only ${metres(d)} m away, but the place is outside its calibrated view`,
        reasonTh: `อยู่ห่างเพียง ${metres(d)} ม. แต่จุดเกิดเหตุอยู่นอกภาพที่ปรับเทียบไว้`,
      }
    : {
        reason: `Only ${metres(d)} m away, but it faces ${Math.round(off)}° away from the place`,
        reasonTh: `อยู่ห่างเพียง ${metres(d)} ม. แต่หันออกจากจุดเกิดเหตุ ${Math.round(off)}°`,
      };
}
