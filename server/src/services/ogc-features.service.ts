// The OGC API - Features documents for the crash store: landing page, conformance, the crashes collection and its
// items as GeoJSON with Thai and English labels (no personal data is stored, so none can leave), and the paging links.
import type { Queryable } from '../db/pool';
import { readCrashFilter } from '../crashes/crash-filter';
import { DOH_LABELS, UNKNOWN_CODE, type Label } from '../crashes/doh/doh-vocabulary';
import { HttpError } from '../lib/http-error';
import {
  crashExtent,
  crashFeaturePage,
  type CrashFeatureRow,
} from '../repositories/crash-features.repository';
import type { OgcCollection, OgcFeature, OgcFeatureCollection, OgcItemsQuery, OgcLink } from '../schemas';

export const OGC_ROOT = '/ogc';
export const CRASHES_COLLECTION = 'crashes';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];
const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';

const label = (labels: Readonly<Record<string, Label>>, code: string | null): Label | null =>
  code === null ? null : (labels[code] ?? labels[UNKNOWN_CODE] ?? { th: code, en: code });

export function crashFeature(row: CrashFeatureRow, base: string): OgcFeature {
  const cause = label(DOH_LABELS.cause, row.cause);
  const crashType = label(DOH_LABELS.crashType, row.crash_type);
  const weather = label(DOH_LABELS.weather, row.weather);
  return {
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
    properties: {
      source: row.source,
      occurredAt: row.occurred_at?.toISOString() ?? null,
      year: row.year,
      yearBe: row.year + 543,
      province: row.province,
      roadCode: row.road_code,
      roadName: row.road_name,
      km: row.km,
      severity: row.severity,
      deaths: row.deaths,
      seriousInjuries: row.serious_injuries,
      minorInjuries: row.minor_injuries,
      pedestrians: row.pedestrians,
      cause: row.cause,
      causeTh: cause?.th ?? null,
      causeEn: cause?.en ?? null,
      crashType: row.crash_type,
      crashTypeTh: crashType?.th ?? null,
      crashTypeEn: crashType?.en ?? null,
      weather: row.weather,
      weatherTh: weather?.th ?? null,
      weatherEn: weather?.en ?? null,
      roadFeature: row.road_feature,
      // A comma list, not an array: QGIS shows it as one text attribute.
      vehicles: row.vehicle_codes.join(','),
    },
    links: [
      {
        href: `${base}${OGC_ROOT}/collections/${CRASHES_COLLECTION}/items/${row.id}`,
        rel: 'self',
        type: GEOJSON,
      },
    ],
  };
}

const badParameter = (name: string, why: string, whyTh: string) =>
  new HttpError(400, `${name}: ${why}`, `${name}: ${whyTh}`);

function readBbox(text: string): [number, number, number, number] {
  const [minLon, minLat, maxLon, maxLat] = text.split(',').map(Number) as [number, number, number, number];
  const inRange =
    Math.abs(minLon) <= 180 && Math.abs(maxLon) <= 180 && Math.abs(minLat) <= 90 && Math.abs(maxLat) <= 90;
  if (
    ![minLon, minLat, maxLon, maxLat].every(Number.isFinite) ||
    !inRange ||
    minLat > maxLat ||
    minLon > maxLon
  )
    throw badParameter(
      'bbox',
      'expected minLon,minLat,maxLon,maxLat in degrees',
      'ต้องเป็น ลองจิจูดต่ำสุด,ละติจูดต่ำสุด,ลองจิจูดสูงสุด,ละติจูดสูงสุด',
    );
  return [minLon, minLat, maxLon, maxLat];
}

function readDatetime(text: string): { start: Date | null; end: Date | null } {
  const instant = (part: string): Date | null => {
    if (part === '..' || part === '') return null;
    const at = new Date(part);
    if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(part))
      throw badParameter(
        'datetime',
        `"${part}" is not an RFC 3339 date-time`,
        `"${part}" ไม่ใช่วันเวลาแบบ RFC 3339`,
      );
    return at;
  };
  const parts = text.split('/');
  if (parts.length > 2) throw badParameter('datetime', 'at most one "/"', 'มี "/" ได้ไม่เกินหนึ่งตัว');
  if (parts.length === 1) {
    const at = instant(parts[0]!);
    return { start: at, end: at };
  }
  const [start, end] = [instant(parts[0]!), instant(parts[1]!)];
  if (start && end && start > end)
    throw badParameter('datetime', 'the interval ends before it starts', 'ช่วงเวลาสิ้นสุดก่อนเริ่ม');
  return { start, end };
}

/** The same query string with other values (the paging links keep every filter). */
function withParams(
  base: string,
  path: string,
  query: Record<string, unknown>,
  changes: Record<string, unknown>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes }))
    if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return `${base}${path}${text ? `?${text}` : ''}`;
}

export async function crashItems(
  db: Queryable,
  base: string,
  query: OgcItemsQuery,
): Promise<OgcFeatureCollection> {
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  const { rows, matched } = await crashFeaturePage(db, {
    filter: readCrashFilter(query),
    bbox: query.bbox ? readBbox(query.bbox) : undefined,
    datetime: query.datetime ? readDatetime(query.datetime) : undefined,
    limit,
    offset,
  });
  const path = `${OGC_ROOT}/collections/${CRASHES_COLLECTION}/items`;
  const links: OgcLink[] = [
    { href: withParams(base, path, query, {}), rel: 'self', type: GEOJSON },
    { href: `${base}${OGC_ROOT}/collections/${CRASHES_COLLECTION}`, rel: 'collection', type: JSON_TYPE },
  ];
  if (offset + rows.length < matched)
    links.push({
      href: withParams(base, path, query, { offset: offset + limit, limit }),
      rel: 'next',
      type: GEOJSON,
    });
  if (offset > 0)
    links.push({
      href: withParams(base, path, query, { offset: Math.max(0, offset - limit), limit }),
      rel: 'prev',
      type: GEOJSON,
    });
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => crashFeature(row, base)),
    numberMatched: matched,
    numberReturned: rows.length,
    timeStamp: new Date().toISOString(),
    links,
  };
}

export async function crashItem(db: Queryable, base: string, id: string): Promise<OgcFeature | null> {
  const { rows } = await crashFeaturePage(db, { filter: {}, id: Number(id), limit: 1, offset: 0 });
  return rows[0] ? crashFeature(rows[0], base) : null;
}

export async function crashesCollection(db: Queryable, base: string): Promise<OgcCollection> {
  const extent = await crashExtent(db);
  const path = `${OGC_ROOT}/collections/${CRASHES_COLLECTION}`;
  return {
    id: CRASHES_COLLECTION,
    title: 'Road crashes / อุบัติเหตุทางถนน',
    description:
      'Every crash of the crash store (DOH/MOT records, fatal-crash points, camera accidents confirmed by an operator), ' +
      'filterable by the planners’ filters / อุบัติเหตุทุกแหล่งข้อมูล กรองได้ตามเงื่อนไขของผู้วางแผน',
    itemType: 'feature',
    crs: [CRS84],
    extent: {
      spatial: { bbox: [extent.bbox ?? [97.3, 5.5, 105.7, 20.6]], crs: CRS84 },
      temporal: {
        interval: [[extent.first?.toISOString() ?? null, extent.last?.toISOString() ?? null]],
        trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
      },
    },
    links: [
      { href: `${base}${path}`, rel: 'self', type: JSON_TYPE },
      { href: `${base}${path}/items`, rel: 'items', type: GEOJSON, title: 'Crashes' },
    ],
  };
}

export const isKnownCollection = (id: string) => id === CRASHES_COLLECTION;
