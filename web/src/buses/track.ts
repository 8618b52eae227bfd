// A vehicle's recorded track for the replay: read from the track API's GeoJSON, and the position at any moment.
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface TrackPoint {
  /** ms since epoch */
  t: number;
  lon: number;
  lat: number;
  speedKmh: number | null;
}

export interface TrackPosition {
  lon: number;
  lat: number;
  /** Degrees clockwise from north along the current segment; null while standing. */
  bearingDeg: number | null;
  speedKmh: number | null;
}

function timeOf(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const t = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function pointsOfFeature(feature: Feature<Geometry | null>): TrackPoint[] {
  const props = (feature.properties ?? {}) as Record<string, unknown>;
  const geometry = feature.geometry;
  if (geometry?.type === 'Point') {
    const t = timeOf(props.fixTime ?? props.time ?? props.timestamp);
    const [lon, lat] = geometry.coordinates;
    return t === null || lon === undefined || lat === undefined ? [] : [{ t, lon, lat, speedKmh: numberOrNull(props.speedKmh) }];
  }
  if (geometry?.type === 'LineString') {
    // One time per vertex, as GeoJSON tracks usually carry them (`times` or `coordTimes`).
    const times = (props.times ?? props.coordTimes) as unknown[] | undefined;
    const speeds = props.speedsKmh as unknown[] | undefined;
    if (!Array.isArray(times)) return [];
    return geometry.coordinates.flatMap(([lon, lat], i) => {
      const t = timeOf(times[i]);
      return t === null || lon === undefined || lat === undefined ? [] : [{ t, lon, lat, speedKmh: numberOrNull(speeds?.[i]) }];
    });
  }
  return [];
}

/** Every timed position in the collection, oldest first (a line with times, or one point per fix). */
export function trackFromGeoJson(collection: FeatureCollection<Geometry | null>): TrackPoint[] {
  const lines = collection.features.filter((f) => f.geometry?.type === 'LineString');
  const lineFixes = lines.flatMap(pointsOfFeature);
  // A line with times already holds every fix; the points are then its markers, not more fixes.
  const points = lineFixes.length > 0 ? lineFixes : collection.features.flatMap(pointsOfFeature);
  return points.sort((a, b) => a.t - b.t);
}

function bearing(from: TrackPoint, to: TrackPoint): number | null {
  const toRad = Math.PI / 180;
  const dLon = (to.lon - from.lon) * toRad;
  const y = Math.sin(dLon) * Math.cos(to.lat * toRad);
  const x = Math.cos(from.lat * toRad) * Math.sin(to.lat * toRad) - Math.sin(from.lat * toRad) * Math.cos(to.lat * toRad) * Math.cos(dLon);
  if (x === 0 && y === 0) return null;
  return ((Math.atan2(y, x) / toRad) + 360) % 360;
}

/** Where the vehicle was at `t`: linear between the fixes around it, clamped to the first and last fix. */
export function positionAt(track: readonly TrackPoint[], t: number): TrackPosition | null {
  if (track.length === 0) return null;
  const first = track[0]!;
  const last = track[track.length - 1]!;
  if (t <= first.t) return { lon: first.lon, lat: first.lat, bearingDeg: track[1] ? bearing(first, track[1]) : null, speedKmh: first.speedKmh };
  if (t >= last.t) return { lon: last.lon, lat: last.lat, bearingDeg: null, speedKmh: last.speedKmh };
  // The last fix at or before t (binary search: tracks of a day hold tens of thousands of fixes).
  let lo = 0;
  let hi = track.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (track[mid]!.t <= t) lo = mid;
    else hi = mid;
  }
  const a = track[lo]!;
  const b = track[hi]!;
  const f = b.t === a.t ? 0 : (t - a.t) / (b.t - a.t);
  return { lon: a.lon + (b.lon - a.lon) * f, lat: a.lat + (b.lat - a.lat) * f, bearingDeg: bearing(a, b), speedKmh: a.speedKmh };
}
