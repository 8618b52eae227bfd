// What every OGC API - Features collection shares: the paths and media types, the bbox parameter, the paging links
// (which keep every filter) and the collection document with its extent.
import { HttpError } from '../lib/http-error';
import type { OgcCollection, OgcLink } from '../schemas';

export const OGC_ROOT = '/ogc';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];
export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
/** Thailand, for an empty crash store. */
const THAILAND_BBOX: Bbox = [97.3, 5.5, 105.7, 20.6];

/** minLon, minLat, maxLon, maxLat (WGS 84). */
export type Bbox = [number, number, number, number];

/** Absolute links, as OGC clients expect: the address the client used. */
export const baseUrl = (request: { protocol: string; host: string }) =>
  `${request.protocol}://${request.host}`;

export const collectionPath = (id: string) => `${OGC_ROOT}/collections/${id}`;

export const badParameter = (name: string, why: string, whyTh: string) =>
  new HttpError(400, `${name}: ${why}`, `${name}: ${whyTh}`);

export function readBbox(text: string): Bbox {
  const [minLon, minLat, maxLon, maxLat] = text.split(',').map(Number) as Bbox;
  const inRange =
    Math.abs(minLon) <= 180 && Math.abs(maxLon) <= 180 && Math.abs(minLat) <= 90 && Math.abs(maxLat) <= 90;
  if (
    ![minLon, minLat, maxLon, maxLat].every(Number.isFinite) ||
    !inRange ||
    // An empty box (min = max) is refused too, as everywhere else in the API (lib/bbox.ts).
    minLat >= maxLat ||
    minLon >= maxLon
  )
    throw badParameter(
      'bbox',
      'expected minLon,minLat,maxLon,maxLat in degrees, each minimum below its maximum',
      'ต้องเป็น ลองจิจูดต่ำสุด,ละติจูดต่ำสุด,ลองจิจูดสูงสุด,ละติจูดสูงสุด โดยค่าต่ำสุดน้อยกว่าค่าสูงสุด',
    );
  return [minLon, minLat, maxLon, maxLat];
}

/** The same query string with other values (the paging links keep every filter). */
export function withParams(
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

/** self and collection links of an items page, and next/prev when there is a page after or before it. */
export function itemsLinks(
  base: string,
  collectionId: string,
  query: Record<string, unknown>,
  page: { offset: number; limit: number; returned: number; matched: number },
): OgcLink[] {
  const path = `${collectionPath(collectionId)}/items`;
  const { offset, limit } = page;
  const links: OgcLink[] = [
    { href: withParams(base, path, query, {}), rel: 'self', type: GEOJSON },
    { href: `${base}${collectionPath(collectionId)}`, rel: 'collection', type: JSON_TYPE },
  ];
  if (offset + page.returned < page.matched)
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
  return links;
}

/** A feature property's JSON Schema type (plain, not a union with null: GDAL reads only a plain type). */
export type FieldType = 'integer' | 'number' | 'string' | 'boolean';

export interface CollectionInfo {
  id: string;
  title: string;
  description: string;
  itemsTitle: string;
  /** Property types, served as the collection's JSON Schema so GDAL/QGIS need not guess them from the first page. */
  fields?: Readonly<Record<string, FieldType>>;
  extent: { bbox: Bbox | null; first: Date | null; last: Date | null };
}

export const JSON_SCHEMA = 'application/schema+json';

/** The JSON Schema of a collection's GeoJSON features, as GDAL's OAPIF driver reads it (the `describedBy` link). */
export function featureSchema(info: Pick<CollectionInfo, 'title' | 'fields'>): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: info.title,
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'integer' },
      geometry: { type: 'object' },
      properties: {
        type: 'object',
        properties: Object.fromEntries(
          Object.entries(info.fields ?? {}).map(([name, type]) => [name, { type }]),
        ),
      },
    },
  };
}

export function collectionDocument(base: string, info: CollectionInfo): OgcCollection {
  const path = collectionPath(info.id);
  return {
    id: info.id,
    title: info.title,
    description: info.description,
    itemType: 'feature',
    crs: [CRS84],
    extent: {
      spatial: { bbox: [info.extent.bbox ?? THAILAND_BBOX], crs: CRS84 },
      temporal: {
        interval: [[info.extent.first?.toISOString() ?? null, info.extent.last?.toISOString() ?? null]],
        trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
      },
    },
    links: [
      { href: `${base}${path}`, rel: 'self', type: JSON_TYPE },
      { href: `${base}${path}/items`, rel: 'items', type: GEOJSON, title: info.itemsTitle },
      // GDAL 3.6 looks for `describedBy`; the registered relation is `describedby`.
      ...(info.fields
        ? ['describedBy', 'describedby'].map((rel) => ({
            href: `${base}${path}/schema`,
            rel,
            type: JSON_SCHEMA,
          }))
        : []),
    ],
  };
}

/** One page of features computed in full (a ranking, a grid): those in the bbox, then the page within them. */
export function pageOf<T>(
  items: readonly T[],
  inBbox: (item: T) => boolean,
  query: { offset?: number; limit?: number },
): { page: T[]; matched: number; offset: number; limit: number } {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 100;
  const matching = items.filter(inBbox);
  return { page: matching.slice(offset, offset + limit), matched: matching.length, offset, limit };
}
