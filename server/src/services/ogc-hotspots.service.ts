// The Gi* hot spots as an OGC API - Features collection: each hexagon a Polygon with crashes, deaths, z, p and class,
// hottest first; its id is its place in that order, so pages and single hexagons agree for the same parameters.
import type { Queryable } from '../db/pool';
import { HttpError } from '../lib/http-error';
import type {
  CrashHotspotReply,
  OgcFeature,
  OgcFeatureCollection,
  OgcHotspotQuery,
  OgcHotspotsQuery,
} from '../schemas';
import { crashHotspots } from './crash-hotspots.service';
import {
  GEOJSON,
  collectionPath,
  itemsLinks,
  pageOf,
  readBbox,
  withParams,
  type Bbox,
  type CollectionInfo,
} from './ogc-common';

export const HOTSPOTS_COLLECTION = 'hotspots';
/** The most hexagons a grid lists (the JSON API's maximum); the collection pages within them. */
export const GRID_SIZE = 20_000;

export const HOTSPOTS_INFO = {
  id: HOTSPOTS_COLLECTION,
  title: 'Crash hot spots (Getis-Ord Gi*) / จุดเสี่ยงอุบัติเหตุ (Gi*)',
  description:
    'Hexagons of the study region (the area filter, or the country) with a crash or a significant Gi* z-score, ' +
    'hottest first, for the crash filter and cellM given as query parameters; class is hot/cold at 90/95/99 % ' +
    '(two-sided p, not corrected for many tests) / รูปหกเหลี่ยมที่มีอุบัติเหตุหรือค่า z มีนัยสำคัญ ' +
    'เรียงจากจุดร้อนที่สุด ตามตัวกรองและขนาดช่อง cellM',
  itemsTitle: 'Hot-spot hexagons',
  fields: { crashes: 'integer', deaths: 'integer', z: 'number', p: 'number', class: 'string' },
} as const satisfies Omit<CollectionInfo, 'extent'>;

type Hexagon = CrashHotspotReply['features'][number];

/** The grid's own parameters: the query without the OGC paging, bbox and format. */
function gridParameters(query: OgcHotspotsQuery | OgcHotspotQuery): Omit<OgcHotspotQuery, 'f'> {
  const { bbox: _bbox, limit: _limit, offset: _offset, f: _f, ...grid } = query as OgcHotspotsQuery;
  return grid;
}

/** Hottest first as the grid lists them, ties broken by place: the same parameters always give the same ids. */
function hottestFirst(hexagons: Hexagon[]): Hexagon[] {
  const z = (h: Hexagon) => h.properties.z ?? -Infinity;
  const corner = (h: Hexagon) => h.geometry.coordinates[0]![0]!;
  return [...hexagons].sort(
    (a, b) => z(b) - z(a) || corner(a)[0]! - corner(b)[0]! || corner(a)[1]! - corner(b)[1]!,
  );
}

function hexagonFeature(
  hexagon: Hexagon,
  id: number,
  base: string,
  grid: Record<string, unknown>,
): OgcFeature {
  return {
    type: 'Feature',
    id,
    geometry: hexagon.geometry,
    properties: { ...hexagon.properties },
    links: [
      {
        // The id means something only in its grid, so the link carries the grid's parameters.
        href: withParams(base, `${collectionPath(HOTSPOTS_COLLECTION)}/items/${id}`, grid, {}),
        rel: 'self',
        type: GEOJSON,
      },
    ],
  };
}

/** Whether the hexagon's envelope meets the bbox (clients such as GDAL refine to the exact shape). */
function meets(bbox: Bbox | undefined, hexagon: Hexagon): boolean {
  if (!bbox) return true;
  const ring = hexagon.geometry.coordinates[0]!;
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  return (
    Math.min(...lons) <= bbox[2] &&
    Math.max(...lons) >= bbox[0] &&
    Math.min(...lats) <= bbox[3] &&
    Math.max(...lats) >= bbox[1]
  );
}

async function hexagons(db: Queryable, grid: Omit<OgcHotspotQuery, 'f'>): Promise<Hexagon[]> {
  return hottestFirst((await crashHotspots(db, { ...grid, limit: GRID_SIZE })).features);
}

export async function hotspotItems(
  db: Queryable,
  base: string,
  query: OgcHotspotsQuery,
): Promise<OgcFeatureCollection> {
  // Read before the grid: a bad bbox is a 400 without the cost of the statistic.
  const bbox = query.bbox ? readBbox(query.bbox) : undefined;
  const grid = gridParameters(query);
  const numbered = (await hexagons(db, grid)).map((hexagon, index) => ({ hexagon, id: index + 1 }));
  const { page, matched, offset, limit } = pageOf(numbered, ({ hexagon }) => meets(bbox, hexagon), query);
  return {
    type: 'FeatureCollection',
    features: page.map(({ hexagon, id }) => hexagonFeature(hexagon, id, base, grid)),
    numberMatched: matched,
    numberReturned: page.length,
    timeStamp: new Date().toISOString(),
    links: itemsLinks(base, HOTSPOTS_COLLECTION, query, { offset, limit, returned: page.length, matched }),
  };
}

/** The hexagon at this place of the hottest-first list the parameters make. */
export async function hotspotItem(
  db: Queryable,
  base: string,
  featureId: string,
  query: OgcHotspotQuery,
): Promise<OgcFeature> {
  const id = Number(featureId);
  if (!(id >= 1 && id <= GRID_SIZE))
    throw new HttpError(
      404,
      `Hot-spot hexagon ${featureId} not found: the id is a place from 1 to ${GRID_SIZE} in the hottest-first list`,
      `ไม่พบรูปหกเหลี่ยม ${featureId}: รหัสคือลำดับ 1 ถึง ${GRID_SIZE} เรียงจากจุดร้อนที่สุด`,
    );
  const grid = gridParameters(query);
  const listed = await hexagons(db, grid);
  const hexagon = listed[id - 1];
  if (!hexagon)
    throw new HttpError(
      404,
      `Hot-spot hexagon ${featureId} not found: these parameters give ${listed.length} hexagons`,
      `ไม่พบรูปหกเหลี่ยม ${featureId}: ค่าที่ส่งมาให้ผลเพียง ${listed.length} รูป`,
    );
  return hexagonFeature(hexagon, id, base, grid);
}
