// SQL for the camera finder: cameras near a place with their calibrations, recorded coverage, and events near.
import type { Queryable } from '../db/pool';
import type { CameraState, GapReason, LonLat } from '../schemas';
import type { CoverageGapReason } from '../schemas/camera-finder.schema';
import { SEGMENT_LOOKBACK_MS } from './recording-timeline.repository';

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface FinderCandidate {
  id: number;
  name: string;
  nameTh: string;
  enabled: boolean;
  status: CameraState;
  location: LonLat;
  headingDeg: number;
  fovDeg: number;
  calibration: { homography: number[]; origin: LonLat } | null;
  distanceM: number;
}

/** Cameras considered per request: far more than any place has within a useful range. */
const CANDIDATE_LIMIT = 500;
/** A segment starting within this of the footage before it continues the span (as the playback timeline joins them). */
const SPAN_JOIN_SECONDS = 1.5;
/** Gaps read per request; a window this fragmented is described well enough by the first ones. */
const GAP_ROW_LIMIT = 20_000;
const LOOKBACK = `${SEGMENT_LOOKBACK_MS / 1000} seconds`;
/** An event is looked for this far before the window, so one still going on when the window opens is found. */
const EVENT_LOOKBACK = '1 day';

/**
 * A lon/lat box holding every point within `radiusM` of the place. cameras.location and events.location have GiST
 * indexes on the geometry, not on a geography cast, so `geom && box` is what lets the index answer; ST_DWithin on
 * geography then gives the exact metres. A degree of latitude is at least 110 574 m and one of longitude at least
 * 111 319 m·cos φ (the ellipsoid's radii only grow from there), taken at the box's edge furthest from the equator.
 */
export function searchBox(place: LonLat, radiusM: number): { dLon: number; dLat: number } {
  const dLat = (radiusM / 110_574) * 1.01;
  const edgeLat = Math.min(89.9, Math.abs(place.lat) + dLat);
  const dLon = Math.min(360, ((radiusM / 111_319) * 1.01) / Math.cos((edgeLat * Math.PI) / 180));
  return { dLon, dLat };
}

interface CandidateRow {
  id: number;
  name: string;
  name_th: string;
  enabled: boolean;
  status: CameraState;
  lon: number;
  lat: number;
  heading_deg: number;
  fov_deg: number;
  homography: number[] | null;
  origin_lon: number | null;
  origin_lat: number | null;
  distance_m: number;
}

/** Cameras within the radius, nearest first, with their calibrations. Disabled ones too: they may have recorded. */
export async function candidateCameras(
  db: Queryable,
  place: LonLat,
  radiusM: number,
): Promise<FinderCandidate[]> {
  const { dLon, dLat } = searchBox(place, radiusM);
  const { rows } = await db.query<CandidateRow>(
    `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS geom)
     SELECT c.id, c.name, c.name_th, c.enabled, c.status, ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
            c.heading_deg, c.fov_deg, k.homography, ST_X(k.origin) AS origin_lon, ST_Y(k.origin) AS origin_lat,
            ST_Distance(c.location::geography, p.geom::geography) AS distance_m
       FROM p
       JOIN cameras c ON c.location && ST_Expand(p.geom, $4, $5)
                     AND ST_DWithin(c.location::geography, p.geom::geography, $3)
       LEFT JOIN camera_calibrations k ON k.camera_id = c.id
      ORDER BY distance_m, c.id
      LIMIT $6`,
    [place.lon, place.lat, radiusM, dLon, dLat, CANDIDATE_LIMIT],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nameTh: r.name_th,
    enabled: r.enabled,
    status: r.status,
    location: { lon: r.lon, lat: r.lat },
    headingDeg: r.heading_deg,
    fovDeg: r.fov_deg,
    calibration:
      r.homography && r.origin_lon !== null && r.origin_lat !== null
        ? { homography: r.homography, origin: { lon: r.origin_lon, lat: r.origin_lat } }
        : null,
    distanceM: r.distance_m,
  }));
}

export interface Interval {
  from: Date;
  to: Date;
}

export interface CoveragePiece extends Interval {
  reason: CoverageGapReason;
  detail: string | null;
}

export interface CameraCoverage {
  cameraId: number;
  spans: Interval[];
  gaps: CoveragePiece[];
  coveredSeconds: number;
  fraction: number;
}

interface GapRow {
  camera_id: number;
  started_at: Date;
  ended_at: Date | null;
  reason: GapReason;
  detail: string | null;
}

/** A row of recording_gaps; `to` null: still going on. */
export interface RecordedGap {
  from: Date;
  to: Date | null;
  reason: GapReason;
  detail: string | null;
}

/**
 * Per camera, the recorded spans in the window (segments merged when one starts within SPAN_JOIN_SECONDS of the
 * footage before it) and every stretch without footage, with the recorded gap's reason or 'not_recorded' where the
 * index has neither. One query for the spans and one for the gaps, however many cameras.
 */
export async function recordingCoverage(
  db: Queryable,
  cameraIds: readonly number[],
  window: TimeWindow,
): Promise<Map<number, CameraCoverage>> {
  const ids = [...new Set(cameraIds)];
  const out = new Map<number, CameraCoverage>();
  if (ids.length === 0) return out;
  const [spanRows, gapRows] = await Promise.all([
    db.query<{ camera_id: number; span_from: Date; span_to: Date }>(
      `WITH overlapping AS (
         SELECT camera_id, started_at, ended_at FROM recording_segments
          WHERE camera_id = ANY($1::int[]) AND started_at >= $2::timestamptz - $4::interval AND started_at < $3
            AND ended_at > $2
       ), marked AS (
         SELECT camera_id, started_at, ended_at,
                CASE WHEN started_at <= max(ended_at) OVER (PARTITION BY camera_id ORDER BY started_at
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + make_interval(secs => $5)
                     THEN 0 ELSE 1 END AS opens
           FROM overlapping
       ), numbered AS (
         SELECT camera_id, started_at, ended_at,
                sum(opens) OVER (PARTITION BY camera_id ORDER BY started_at ROWS UNBOUNDED PRECEDING) AS span
           FROM marked
       )
       SELECT camera_id, GREATEST(min(started_at), $2) AS span_from, LEAST(max(ended_at), $3) AS span_to
         FROM numbered GROUP BY camera_id, span ORDER BY camera_id, span_from`,
      [ids, window.from, window.to, LOOKBACK, SPAN_JOIN_SECONDS],
    ),
    // Gaps begun in the window, and per camera the few begun before it that may still run into it (gaps do not
    // overlap one another, so those are among the last ones begun before: a bounded backward scan).
    db.query<GapRow>(
      `SELECT camera_id, started_at, ended_at, reason, detail FROM recording_gaps
        WHERE camera_id = ANY($1::int[]) AND started_at >= $2 AND started_at < $3
       UNION ALL
       SELECT g.camera_id, g.started_at, g.ended_at, g.reason, g.detail
         FROM unnest($1::int[]) AS cam(id)
        CROSS JOIN LATERAL (
          SELECT camera_id, started_at, ended_at, reason, detail FROM recording_gaps
           WHERE camera_id = cam.id AND started_at < $2 ORDER BY started_at DESC LIMIT 5
        ) g
        WHERE g.ended_at IS NULL OR g.ended_at > $2
       ORDER BY camera_id, started_at
       LIMIT $4`,
      [ids, window.from, window.to, GAP_ROW_LIMIT],
    ),
  ]);
  const windowS = (window.to.getTime() - window.from.getTime()) / 1000;
  const spansOf = groupBy(spanRows.rows, (r) => ({ from: r.span_from, to: r.span_to }));
  const gapsOf = groupBy(gapRows.rows, (r) => ({
    from: r.started_at,
    to: r.ended_at,
    reason: r.reason,
    detail: r.detail,
  }));
  for (const id of ids) {
    const spans = spansOf.get(id) ?? [];
    const gaps = gapsOf.get(id) ?? [];
    const coveredSeconds = spans.reduce((s, r) => s + (r.to.getTime() - r.from.getTime()) / 1000, 0);
    out.set(id, {
      cameraId: id,
      spans,
      gaps: explainHoles(window, spans, gaps),
      coveredSeconds,
      fraction: windowS > 0 ? Math.min(1, coveredSeconds / windowS) : 0,
    });
  }
  return out;
}

/** Rows by camera, order kept. */
function groupBy<R extends { camera_id: number }, T>(
  rows: readonly R[],
  map: (row: R) => T,
): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.camera_id);
    if (list) list.push(map(row));
    else out.set(row.camera_id, [map(row)]);
  }
  return out;
}

/**
 * The stretches of the window not covered by spans, each split by the recorded gaps that overlap it; what no gap
 * explains is 'not_recorded'. Pieces shorter than the span join tolerance are keyframe cuts, not missing footage.
 */
export function explainHoles(
  window: TimeWindow,
  spans: readonly Interval[],
  gaps: readonly RecordedGap[],
): CoveragePiece[] {
  const minMs = SPAN_JOIN_SECONDS * 1000;
  const holes: Interval[] = [];
  let cursor = window.from.getTime();
  for (const span of spans) {
    if (span.from.getTime() - cursor > minMs) holes.push({ from: new Date(cursor), to: span.from });
    cursor = Math.max(cursor, span.to.getTime());
  }
  if (window.to.getTime() - cursor > minMs) holes.push({ from: new Date(cursor), to: window.to });

  const pieces: CoveragePiece[] = [];
  const push = (from: number, to: number, reason: CoverageGapReason, detail: string | null) => {
    if (to - from > minMs) pieces.push({ from: new Date(from), to: new Date(to), reason, detail });
  };
  for (const hole of holes) {
    let at = hole.from.getTime();
    const end = hole.to.getTime();
    for (const gap of gaps) {
      const gapFrom = Math.max(gap.from.getTime(), at);
      const gapTo = Math.min(gap.to?.getTime() ?? end, end);
      if (gapTo <= gapFrom) continue;
      push(at, gapFrom, 'not_recorded', null);
      push(gapFrom, gapTo, gap.reason, gap.detail);
      at = gapTo;
    }
    push(at, end, 'not_recorded', null);
  }
  return pieces;
}

interface EventRow {
  id: number;
  type: string;
  severity: string;
  status: string;
  camera_id: number | null;
  lon: number;
  lat: number;
  started_at: Date;
  ended_at: Date | null;
  distance_m: number;
}

export interface NearEventRecord {
  id: number;
  type: string;
  severity: string;
  status: string;
  cameraId: number | null;
  location: LonLat;
  startedAt: Date;
  endedAt: Date | null;
  distanceM: number;
}

/** Events shown beside the cameras; more than this near one place and time is noise. */
export const NEAR_EVENT_LIMIT = 50;

/**
 * The system's own events within the radius that overlap the window (one still going on counts), nearest first.
 * Alarms only: a camera's periodic counts (severity info, every few seconds) would crowd them out.
 */
export async function eventsNear(
  db: Queryable,
  place: LonLat,
  window: TimeWindow,
  radiusM: number,
  limit = NEAR_EVENT_LIMIT,
): Promise<NearEventRecord[]> {
  const { dLon, dLat } = searchBox(place, radiusM);
  const { rows } = await db.query<EventRow>(
    `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS geom)
     SELECT e.id, e.type, e.severity, e.status, e.camera_id, ST_X(e.location) AS lon, ST_Y(e.location) AS lat,
            e.started_at, e.ended_at, ST_Distance(e.location::geography, p.geom::geography) AS distance_m
       FROM p
       JOIN events e ON e.location && ST_Expand(p.geom, $4, $5)
                    AND ST_DWithin(e.location::geography, p.geom::geography, $3)
      WHERE e.started_at < $7 AND e.started_at >= $6::timestamptz - $8::interval
        AND (e.ended_at IS NULL OR e.ended_at >= $6)
        AND e.severity <> 'info'
      ORDER BY distance_m, e.started_at, e.id
      LIMIT $9`,
    [place.lon, place.lat, radiusM, dLon, dLat, window.from, window.to, EVENT_LOOKBACK, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    severity: r.severity,
    status: r.status,
    cameraId: r.camera_id,
    location: { lon: r.lon, lat: r.lat },
    startedAt: r.started_at,
    endedAt: r.ended_at,
    distanceM: r.distance_m,
  }));
}
