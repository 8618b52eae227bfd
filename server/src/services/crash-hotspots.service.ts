// Gi* hot spots as both the JSON API and the OGC collection answer them: the study region (the area filter, or the
// country), the default hexagon size for it, and each hexagon's z, two-sided p and hot/cold class.
import { readCheckedCrashFilter } from '../crashes/checked-filter';
import { hotspotClass, twoSidedP } from '../crashes/gi-star';
import type { Queryable } from '../db/pool';
import { hotspotGrid } from '../repositories/crash-hotspots.repository';
import type { CrashFilterQuery, CrashHotspotReply } from '../schemas';

const COUNTRY = 'TH';

export async function crashHotspots(
  db: Queryable,
  query: CrashFilterQuery & { cellM?: number; limit: number },
): Promise<CrashHotspotReply> {
  const filter = await readCheckedCrashFilter(db, query);
  const region = filter.area ?? COUNTRY;
  const cellM = query.cellM ?? (region === COUNTRY ? 5_000 : 1_000);
  const grid = await hotspotGrid(db, { filter, regionCode: region, cellM, limit: query.limit });
  return {
    type: 'FeatureCollection',
    region,
    regionCells: grid.regionCells,
    cellM,
    meanPerCell: grid.meanPerCell,
    features: grid.cells.map((cell) => ({
      type: 'Feature',
      geometry: cell.geometry,
      properties: {
        crashes: cell.crashes,
        deaths: cell.deaths,
        z: cell.z === null ? null : Math.round(cell.z * 1000) / 1000,
        p: cell.z === null ? null : Math.round(twoSidedP(cell.z) * 10_000) / 10_000,
        class: hotspotClass(cell.z),
      },
    })),
  };
}
