// Lon/lat ↔ local east/north metres around an origin, plus ground distance, bearing and compass names.
import type { LonLat } from '../schemas';

/** Metres east and north of an origin. */
export type EastNorth = [number, number];

// WGS84 ellipsoid.
const WGS84_A = 6_378_137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** IUGG mean Earth radius; only used for a zero-length distance, where the direction is undefined. */
export const MEAN_EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Radii of curvature of the ellipsoid at a latitude: north–south (meridional) and east–west (prime vertical).
 * Using them rather than one spherical radius makes the tangent plane correct to first order at the origin.
 */
function radiiOfCurvature(latDeg: number): { meridional: number; primeVertical: number } {
  const s = Math.sin(latDeg * RAD);
  const d = 1 - WGS84_E2 * s * s;
  return {
    meridional: (WGS84_A * (1 - WGS84_E2)) / (d * Math.sqrt(d)),
    primeVertical: WGS84_A / Math.sqrt(d),
  };
}

/** Longitude difference folded into [-180, 180) so an origin near the antimeridian still works. */
function lonDelta(lon: number, originLon: number): number {
  const d = lon - originLon;
  return ((((d + 180) % 360) + 360) % 360) - 180;
}

/**
 * Local equirectangular projection: east = N·cos φ0·Δλ, north = M·Δφ with the WGS84 radii of curvature at the
 * origin, so it is exact to first order there. It is meant for a camera's view around a nearby origin (calibration
 * uses the centroid of its ground points): the error grows with distance because east is scaled by cos φ0 rather
 * than cos φ — about tan φ0·Δnorth/R relative, at this latitude ≈ 1.5 mm over 200 m, ≈ 5 cm over 2 km diagonally,
 * approaching 1 m at the corners of a 5 km square. Use {@link groundDistanceM} for distances beyond a few hundred metres.
 */
export function toLocalMetres(origin: LonLat, p: LonLat): EastNorth {
  const { meridional, primeVertical } = radiiOfCurvature(origin.lat);
  const east = primeVertical * Math.cos(origin.lat * RAD) * lonDelta(p.lon, origin.lon) * RAD;
  const north = meridional * (p.lat - origin.lat) * RAD;
  return [east, north];
}

/** Exact inverse of {@link toLocalMetres}. */
export function fromLocalMetres(origin: LonLat, en: readonly [number, number]): LonLat {
  const { meridional, primeVertical } = radiiOfCurvature(origin.lat);
  const lat = origin.lat + en[1] / meridional / RAD;
  let lon = origin.lon + en[0] / (primeVertical * Math.cos(origin.lat * RAD)) / RAD;
  if (lon >= 180) lon -= 360;
  else if (lon < -180) lon += 360;
  return { lon, lat };
}

/**
 * Ground distance in metres: the haversine central angle, scaled by the WGS84 radius along the direction of
 * travel at the mid-latitude (ds² = M²dφ² + N²cos²φ dλ²) instead of one mean-sphere radius. A plain mean sphere
 * is up to 0.5% off north–south at Chachoengsao's latitude; this matches an ellipsoidal geodesic (Vincenty) to
 * under a millimetre over a few kilometres and a few centimetres over 100 km.
 */
export function groundDistanceM(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = lonDelta(b.lon, a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  const angle = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
  const midLat = (a.lat + b.lat) / 2;
  const north = dLat;
  const east = dLon * Math.cos(midLat * RAD);
  const len = Math.hypot(north, east);
  if (len === 0) return angle * MEAN_EARTH_RADIUS_M;
  const { meridional, primeVertical } = radiiOfCurvature(midLat);
  return (angle * Math.hypot(meridional * north, primeVertical * east)) / len;
}

/**
 * Initial bearing from `from` to `to`, degrees clockwise from true north in [0, 360). The spherical great-circle
 * formula, with its north and east parts scaled by the WGS84 radii at `from` so that short bearings match the
 * local east/north frame (a bare sphere skews a 45° bearing by ~0.2° here).
 */
export function bearingDeg(from: LonLat, to: LonLat): number {
  const lat1 = from.lat * RAD;
  const lat2 = to.lat * RAD;
  const dLon = lonDelta(to.lon, from.lon) * RAD;
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  const { meridional, primeVertical } = radiiOfCurvature(from.lat);
  const deg = Math.atan2(primeVertical * y, meridional * x) / RAD;
  return ((deg % 360) + 360) % 360;
}

export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

const COMPASS_TH: Record<CompassPoint, string> = {
  N: 'เหนือ',
  NE: 'ตะวันออกเฉียงเหนือ',
  E: 'ตะวันออก',
  SE: 'ตะวันออกเฉียงใต้',
  S: 'ใต้',
  SW: 'ตะวันตกเฉียงใต้',
  W: 'ตะวันตก',
  NW: 'ตะวันตกเฉียงเหนือ',
};

/** Eight-point compass name for a bearing; each point covers the 45° sector centred on it (N is 337.5°–22.5°). */
export function compass(bearing: number): { en: CompassPoint; th: string } {
  const normalised = ((bearing % 360) + 360) % 360;
  const en = COMPASS_POINTS[Math.round(normalised / 45) % 8] ?? 'N';
  return { en, th: COMPASS_TH[en] };
}
