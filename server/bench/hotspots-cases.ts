// The query cases of the hotspots bench, each run as its route runs it (area code checked, then the repository
// call): heatmap tiles at zooms 6–14 over Thailand and Chachoengsao, road-section rankings, DBSCAN clusters and Gi*
// hot spots, with and without the planners' filters; the same tiles of crash points.
import { readCheckedCrashFilter } from '../src/crashes/checked-filter';
import { DEFAULT_EPDO_WEIGHTS } from '../src/crashes/epdo';
import { hotspotClass, twoSidedP } from '../src/crashes/gi-star';
import type { CrashFilter } from '../src/crashes/crash-filter';
import type { Pool } from '../src/db/pool';
import { hotspotGrid } from '../src/repositories/crash-hotspots.repository';
import { crashHeatmapTile, type TileAddress } from '../src/repositories/crash-heatmap.repository';
import { crashClusters } from '../src/repositories/crash-maps.repository';
import { crashPointsTile } from '../src/repositories/crash-points.repository';
import { rankRoadSections, sectionCoverage } from '../src/repositories/crash-rankings.repository';
import type { CrashFilterQuery } from '../src/schemas';
import type { QueryCase } from './hotspots-timing';

interface Place {
  name: string;
  lon: number;
  lat: number;
}

/** Tile centres: cities across the country for the national view, towns of Chachoengsao for the close one. */
const NATIONAL: Place[] = [
  { name: 'Bangkok', lon: 100.5018, lat: 13.7563 },
  { name: 'Khon Kaen', lon: 102.8236, lat: 16.4419 },
  { name: 'Chiang Mai', lon: 98.9853, lat: 18.7883 },
  { name: 'Nakhon Ratchasima', lon: 102.0977, lat: 14.9799 },
  { name: 'Hat Yai', lon: 100.4747, lat: 7.0086 },
];
const CHACHOENGSAO: Place[] = [
  { name: 'Mueang Chachoengsao', lon: 101.0779, lat: 13.6904 },
  { name: 'Bang Pakong', lon: 100.99, lat: 13.51 },
  { name: 'Phanom Sarakham', lon: 101.355, lat: 13.745 },
];

const PERIOD = { from: '2021-01-01', to: '2023-12-31' };
/** The filters a planner combines: area, period, severity. */
const FILTERS: { label: string; query: CrashFilterQuery }[] = [
  { label: 'TH24', query: { area: 'TH24' } },
  { label: '2021–2023 fatal', query: { ...PERIOD, severity: 'fatal' } },
  { label: 'TH24 2021–2023', query: { area: 'TH24', ...PERIOD } },
  { label: 'TH24 fatal', query: { area: 'TH24', severity: 'fatal' } },
];

/** The XYZ tile (Web Mercator) holding a place at a zoom. */
export function tileAt(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n);
  return { z, x, y };
}

const describe = (query: CrashFilterQuery) =>
  Object.keys(query).length === 0 ? 'no filter' : (FILTERS.find((f) => f.query === query)?.label ?? 'filter');

const TILE_MAKERS = {
  heatmap: (db: Pool, tile: TileAddress, filter: CrashFilter) =>
    crashHeatmapTile(db, tile, filter, DEFAULT_EPDO_WEIGHTS),
  points: (db: Pool, tile: TileAddress, filter: CrashFilter) => crashPointsTile(db, tile, filter),
};

/** Per zoom 6–14 one national and one Chachoengsao tile, each unfiltered and under one of the filters in turn. */
export function tileCases(db: Pool, kind: keyof typeof TILE_MAKERS = 'heatmap'): QueryCase[] {
  const cases: QueryCase[] = [];
  let turn = 0;
  for (let z = 6; z <= 14; z += 1) {
    for (const places of [NATIONAL, CHACHOENGSAO]) {
      const place = places[z % places.length]!;
      const tile = tileAt(place.lon, place.lat, z);
      for (const query of [{}, FILTERS[turn++ % FILTERS.length]!.query]) {
        cases.push({
          label: `z${z} ${place.name} (${tile.x}/${tile.y}), ${describe(query)}`,
          run: async () => {
            const filter = await readCheckedCrashFilter(db, query);
            return (await TILE_MAKERS[kind](db, tile, filter)).length;
          },
        });
      }
    }
  }
  return cases;
}

/** The route's defaults (crash-rankings.routes.ts sectionOptions), both of its queries at once as it runs them. */
export function rankingCases(db: Pool): QueryCase[] {
  const queries: [string, CrashFilterQuery][] = [
    ['TH24', { area: 'TH24' }],
    ['TH24 2021–2023', { area: 'TH24', ...PERIOD }],
    ['TH24 fatal', { area: 'TH24', severity: 'fatal' }],
    ['TH10 Bangkok', { area: 'TH10' }],
    ['TH30 Nakhon Ratchasima 2021–2023', { area: 'TH30', ...PERIOD }],
    ['TH2401 Mueang Chachoengsao', { area: 'TH2401' }],
    ['national 2021–2023 fatal', { ...PERIOD, severity: 'fatal' }],
    ['national, no filter', {}],
  ];
  return queries.map(([label, query]) => ({
    label,
    run: async () => {
      const filter = await readCheckedCrashFilter(db, query);
      const [, coverage] = await Promise.all([
        rankRoadSections(db, {
          filter,
          lengthM: 500,
          stepM: 100,
          weights: DEFAULT_EPDO_WEIGHTS,
          rankBy: 'epdo',
          minCrashes: 3,
          minDeaths: null,
          basis: 'all',
          overlapping: false,
          limit: 50,
        }),
        sectionCoverage(db, filter),
      ]);
      return coverage.filtered;
    },
  }));
}

/** Area-filtered, as a planner runs them (schema defaults: 500 m, 3 crashes, 200 clusters). */
export const CLUSTER_QUERIES: [string, CrashFilterQuery][] = [
  ['TH24', { area: 'TH24' }],
  ['TH24 2021–2023', { area: 'TH24', ...PERIOD }],
  ['TH24 fatal', { area: 'TH24', severity: 'fatal' }],
  ['TH2401 Mueang Chachoengsao', { area: 'TH2401' }],
  ['TH2404 Bang Pakong', { area: 'TH2404' }],
  ['TH10 Bangkok 2021–2023', { area: 'TH10', ...PERIOD }],
  ['TH30 Nakhon Ratchasima fatal', { area: 'TH30', severity: 'fatal' }],
];

export function clusterCases(db: Pool, queries = CLUSTER_QUERIES): QueryCase[] {
  return queries.map(([label, query]) => ({
    label,
    run: async () => {
      const filter = await readCheckedCrashFilter(db, query);
      return (await crashClusters(db, filter, DEFAULT_EPDO_WEIGHTS, { epsM: 500, minPoints: 3, limit: 200 }))
        .crashes;
    },
  }));
}

/** The hot-spot route's path: checked filter, region and cell size from it, the grid, each cell's p and class. */
export async function hotspotRoute(db: Pool, query: CrashFilterQuery): Promise<number> {
  const filter = await readCheckedCrashFilter(db, query);
  const region = filter.area ?? 'TH';
  const cellM = region === 'TH' ? 5_000 : 1_000;
  const grid = await hotspotGrid(db, { filter, regionCode: region, cellM, limit: 5_000 });
  const features = grid.cells.map((cell) => ({
    z: cell.z,
    p: cell.z === null ? null : twoSidedP(cell.z),
    class: hotspotClass(cell.z),
  }));
  return features.length;
}

export const GISTAR_QUERIES: [string, CrashFilterQuery][] = [
  ['TH24', { area: 'TH24' }],
  ['TH24 2021–2023', { area: 'TH24', ...PERIOD }],
  ['TH24 fatal', { area: 'TH24', severity: 'fatal' }],
  ['TH2401 Mueang Chachoengsao', { area: 'TH2401' }],
  ['TH10 Bangkok', { area: 'TH10' }],
  ['TH30 Nakhon Ratchasima 2021–2023', { area: 'TH30', ...PERIOD }],
  ['TH50 Chiang Mai fatal', { area: 'TH50', severity: 'fatal' }],
];

export function gistarCases(db: Pool, queries = GISTAR_QUERIES): QueryCase[] {
  return queries.map(([label, query]) => ({ label, run: () => hotspotRoute(db, query) }));
}
