// The road-section ranking as both the JSON API and the OGC collection answer it: the query's filter and settings
// checked (400s in English and Thai), the ranking and the coverage of the filtered crashes.
import { readCheckedCrashFilter } from '../crashes/checked-filter';
import type { CrashFilter } from '../crashes/crash-filter';
import { parseEpdoWeights } from '../crashes/epdo';
import type { Pool } from '../db/pool';
import { HttpError } from '../lib/http-error';
import {
  rankRoadSections,
  sectionCoverage,
  type RoadSectionOptions,
} from '../repositories/crash-rankings.repository';
import type { RoadSectionsQuery } from '../schemas';

/** The ranking's settings from the query; defaults are the schema's, repeated for direct calls. */
export function sectionOptions(query: RoadSectionsQuery, filter: CrashFilter): RoadSectionOptions {
  const lengthM = query.lengthM ?? 500;
  const stepM = query.stepM ?? 100;
  if (stepM > lengthM)
    throw new HttpError(
      400,
      `stepM (${stepM}) must not be longer than lengthM (${lengthM})`,
      `ระยะเลื่อนหน้าต่าง stepM (${stepM}) ต้องไม่ยาวกว่าความยาวหน้าต่าง lengthM (${lengthM})`,
    );
  return {
    filter,
    lengthM,
    stepM,
    weights: parseEpdoWeights(query.weights),
    rankBy: query.rankBy ?? 'epdo',
    minCrashes: query.minCrashes ?? 3,
    minDeaths: query.minDeaths ?? null,
    basis: query.basis ?? 'all',
    overlapping: query.overlapping ?? false,
    limit: query.limit ?? 50,
  };
}

// Return type inferred: the reply schema's mapped unions (rankBy, basis) infer as never in typebox.
export async function roadSectionRanking(db: Pool, query: RoadSectionsQuery) {
  const filter = await readCheckedCrashFilter(db, query);
  const options = sectionOptions(query, filter);
  const [ranked, coverage] = await Promise.all([rankRoadSections(db, options), sectionCoverage(db, filter)]);
  return {
    lengthM: options.lengthM,
    stepM: options.stepM,
    rankBy: options.rankBy,
    weights: options.weights,
    blackSpotCriterion: { minCrashes: options.minCrashes, minDeaths: options.minDeaths },
    basis: options.basis,
    overlapping: options.overlapping,
    totalSections: ranked.total,
    blackSpots: ranked.blackSpots,
    coverage,
    excluded: {
      noKm: coverage.unplaced + (options.basis === 'km' ? coverage.osmLine : 0),
      km: options.basis === 'osm_line' ? coverage.km : 0,
    },
    sections: ranked.sections,
  };
}
