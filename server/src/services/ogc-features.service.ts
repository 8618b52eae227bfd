// The crashes collection of the OGC API - Features: the crash store's crashes with Thai and English labels (no personal data is stored, so none can leave), and the paging links.
import type { Queryable } from '../db/pool';
import { readCrashFilter } from '../crashes/crash-filter';
import { DOH_LABELS, UNKNOWN_CODE, type Label } from '../crashes/doh/doh-vocabulary';
import { crashFeaturePage, type CrashFeatureRow } from '../repositories/crash-features.repository';
import type { OgcFeature, OgcFeatureCollection, OgcItemsQuery } from '../schemas';
import { GEOJSON, OGC_ROOT, badParameter, itemsLinks, readBbox, type CollectionInfo } from './ogc-common';

export const CRASHES_COLLECTION = 'crashes';

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
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => crashFeature(row, base)),
    numberMatched: matched,
    numberReturned: rows.length,
    timeStamp: new Date().toISOString(),
    links: itemsLinks(base, CRASHES_COLLECTION, query, { offset, limit, returned: rows.length, matched }),
  };
}

export async function crashItem(db: Queryable, base: string, id: string): Promise<OgcFeature | null> {
  const { rows } = await crashFeaturePage(db, { filter: {}, id: Number(id), limit: 1, offset: 0 });
  return rows[0] ? crashFeature(rows[0], base) : null;
}

export const CRASHES_INFO = {
  id: CRASHES_COLLECTION,
  title: 'Road crashes / อุบัติเหตุทางถนน',
  description:
    'Every crash of the crash store (DOH/MOT records, fatal-crash points, camera accidents confirmed by an operator), ' +
    'filterable by the planners’ filters / อุบัติเหตุทุกแหล่งข้อมูล กรองได้ตามเงื่อนไขของผู้วางแผน',
  itemsTitle: 'Crashes',
} as const satisfies Omit<CollectionInfo, 'extent'>;

/** Whether the generic items routes serve this id (the computed collections have their own routes). */
export const isKnownCollection = (id: string) => id === CRASHES_COLLECTION;
