// The planners' crash filter: read from a query string (clear 400s in English and Thai), and as a SQL condition with
// placeholders. Times are Bangkok's; a crash known only by its year (the fatal-crash points) matches a period by its
// year and never a weekday, hour or festival.
import { HttpError } from '../lib/http-error';
import type { SqlParams } from '../lib/sql-params';
import type { CrashFilterQuery } from '../schemas';
import type { CrashSource } from './crash-record';

export type Severity = 'fatal' | 'serious' | 'minor' | 'damage_only';

export interface CrashFilter {
  area?: string;
  /** GeoJSON Polygon, checked. */
  polygon?: { type: 'Polygon'; coordinates: [number, number][][] };
  from?: string;
  to?: string;
  weekdays?: number[];
  hours?: number[];
  festival?: 'songkran' | 'new_year';
  causes?: string[];
  crashTypes?: string[];
  vehicles?: string[];
  weather?: string[];
  severities?: Severity[];
  sources?: CrashSource[];
}

const MAX_POLYGON_POINTS = 2_000;
const list = (text: string | undefined) => (text ? [...new Set(text.split(','))] : undefined);
const numbers = (text: string | undefined) => list(text)?.map(Number);

const badPolygon = (why: string, whyTh: string) =>
  new HttpError(400, `polygon: ${why}`, `พื้นที่ที่วาด (polygon): ${whyTh}`);

function readPolygon(text: string): CrashFilter['polygon'] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badPolygon('not JSON', 'ไม่ใช่ JSON');
  }
  const polygon = value as { type?: unknown; coordinates?: unknown };
  if (polygon?.type !== 'Polygon' || !Array.isArray(polygon.coordinates) || polygon.coordinates.length === 0)
    throw badPolygon('not a GeoJSON Polygon', 'ไม่ใช่ GeoJSON Polygon');
  const rings = polygon.coordinates as unknown[];
  let points = 0;
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4)
      throw badPolygon('a ring needs at least 4 points', 'วงต้องมีอย่างน้อย 4 จุด');
    for (const point of ring) {
      const [lon, lat] = Array.isArray(point) ? (point as unknown[]) : [];
      if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90)
        throw badPolygon('a point is not [lon, lat] in degrees', 'มีจุดที่ไม่ใช่ [ลองจิจูด, ละติจูด]');
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) throw badPolygon('a ring is not closed', 'วงไม่ปิด');
    points += ring.length;
  }
  if (points > MAX_POLYGON_POINTS)
    throw badPolygon(`more than ${MAX_POLYGON_POINTS} points`, `มีจุดมากกว่า ${MAX_POLYGON_POINTS} จุด`);
  return { type: 'Polygon', coordinates: rings as [number, number][][] };
}

/** The query string's filter; throws a 400 for a drawn area that is not a polygon or a period that ends first. */
export function readCrashFilter(query: CrashFilterQuery): CrashFilter {
  if (query.from && query.to && query.from > query.to)
    throw new HttpError(400, 'from must not be after to', 'วันเริ่มต้นต้องไม่อยู่หลังวันสิ้นสุด');
  return {
    area: query.area,
    polygon: query.polygon ? readPolygon(query.polygon) : undefined,
    from: query.from,
    to: query.to,
    weekdays: numbers(query.weekday),
    hours: numbers(query.hour),
    festival: query.festival,
    causes: list(query.cause),
    crashTypes: list(query.crashType),
    vehicles: list(query.vehicle),
    weather: list(query.weather),
    severities: list(query.severity) as Severity[] | undefined,
    sources: list(query.source) as CrashSource[] | undefined,
  };
}

/** A crash's severity class, from its worst outcome: the database's crash_severity (migration 025), the one definition. */
export const SEVERITY_SQL = (c: string) =>
  `crash_severity(${c}.deaths, ${c}.serious_injuries, ${c}.minor_injuries)`;

/**
 * The filter as a SQL condition on the crashes aliased `c` (TRUE for no filter); its values are added to `params`.
 * An unknown area code matches nothing (the caller checks the code first, to answer 400).
 */
export function crashFilterSql(filter: CrashFilter, params: SqlParams, c = 'c'): string {
  const local = `(${c}.occurred_at AT TIME ZONE 'Asia/Bangkok')`;
  const where: string[] = [];
  if (filter.area)
    where.push(
      `ST_Intersects(${c}.location, (SELECT geom FROM areas WHERE code = ${params.add(filter.area)}))`,
    );
  if (filter.polygon)
    where.push(
      `ST_Intersects(${c}.location, ST_SetSRID(ST_GeomFromGeoJSON(${params.add(JSON.stringify(filter.polygon))}), 4326))`,
    );
  if (filter.from) {
    const from = params.add(filter.from);
    where.push(
      `(${c}.occurred_at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Bangkok'` +
        ` OR (${c}.occurred_at IS NULL AND ${c}.year >= extract(year FROM ${from}::date)))`,
    );
  }
  if (filter.to) {
    const to = params.add(filter.to);
    where.push(
      `(${c}.occurred_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Bangkok'` +
        ` OR (${c}.occurred_at IS NULL AND ${c}.year <= extract(year FROM ${to}::date)))`,
    );
  }
  if (filter.weekdays)
    where.push(`extract(dow FROM ${local})::int = ANY(${params.add(filter.weekdays)}::int[])`);
  if (filter.hours) where.push(`extract(hour FROM ${local})::int = ANY(${params.add(filter.hours)}::int[])`);
  if (filter.festival === 'songkran') where.push(`to_char(${local}, 'MM-DD') BETWEEN '04-11' AND '04-17'`);
  if (filter.festival === 'new_year')
    where.push(`(to_char(${local}, 'MM-DD') >= '12-29' OR to_char(${local}, 'MM-DD') <= '01-04')`);
  if (filter.causes) where.push(`${c}.cause = ANY(${params.add(filter.causes)}::text[])`);
  if (filter.crashTypes) where.push(`${c}.crash_type = ANY(${params.add(filter.crashTypes)}::text[])`);
  if (filter.vehicles) where.push(`${c}.vehicle_codes && ${params.add(filter.vehicles)}::text[]`);
  if (filter.weather) where.push(`${c}.weather = ANY(${params.add(filter.weather)}::text[])`);
  if (filter.severities) where.push(`${SEVERITY_SQL(c)} = ANY(${params.add(filter.severities)}::text[])`);
  if (filter.sources) where.push(`${c}.source = ANY(${params.add(filter.sources)}::text[])`);
  return where.length > 0 ? where.join('\n  AND ') : 'TRUE';
}
