// Crash analyses for admins and planners: road sections ranked by sliding window (black spots), and breakdowns of the
// filtered crashes by time, cause, crash type, vehicle and weather.
import type { FastifyPluginAsync } from 'fastify';
import { readCheckedCrashFilter } from '../../crashes/checked-filter';
import type { CrashFilter } from '../../crashes/crash-filter';
import { parseEpdoWeights } from '../../crashes/epdo';
import { HttpError } from '../../lib/http-error';
import { crashBreakdown } from '../../repositories/crash-breakdown.repository';
import {
  rankRoadSections,
  sectionCoverage,
  type RoadSectionOptions,
} from '../../repositories/crash-rankings.repository';
import {
  CrashBreakdown,
  CrashBreakdownQuery,
  ErrorReply,
  RoadSectionsQuery,
  RoadSectionsReply,
  type Role,
} from '../../schemas';

const ANALYSTS: readonly Role[] = ['admin', 'planner'];
const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply };

/** The ranking's settings from the query; defaults are the schema's, repeated for direct calls. */
function sectionOptions(query: RoadSectionsQuery, filter: CrashFilter): RoadSectionOptions {
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

const crashRankingRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: RoadSectionsQuery }>(
    '/api/crashes/road-sections',
    {
      config: { roles: ANALYSTS },
      schema: {
        tags: ['crashes'],
        description:
          'Network screening by sliding window (Highway Safety Manual): windows of lengthM starting every stepM ' +
          'along each road, each crash counted in every window holding it, ranked by EPDO, crashes or deaths over ' +
          'the whole filtered period; blackSpot marks the windows meeting the criterion (minCrashes, or minDeaths ' +
          'when given). Crashes with a DOH road code and kilometre post are windowed along the road code from km 0 ' +
          '(basis km). Crashes without one (the fatal-crash points, camera crashes) are windowed the same way along ' +
          'the OpenStreetMap line they are snapped to, from its start (basis osm_line): a line is a piece of road a ' +
          'few kilometres long, so a window never continues onto the next line and may be cut at its end; crashes ' +
          'further than the snapping distance from any major road are in no window (coverage.unplaced). The two ' +
          'bases are never merged: a road can appear once by km and once by OSM line.',
        querystring: RoadSectionsQuery,
        response: { 200: RoadSectionsReply, ...errors },
      },
    },
    async (request) => {
      const filter = await readCheckedCrashFilter(app.db, request.query);
      const options = sectionOptions(request.query, filter);
      const [ranked, coverage] = await Promise.all([
        rankRoadSections(app.db, options),
        sectionCoverage(app.db, filter),
      ]);
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
    },
  );

  app.get<{ Querystring: CrashBreakdownQuery }>(
    '/api/crashes/breakdown',
    {
      config: { roles: ANALYSTS },
      schema: {
        tags: ['crashes'],
        description:
          'The filtered crashes in total and by Bangkok year and month, by year for crashes known only by their ' +
          'year, by weekday × hour, and by cause, crash type, vehicle type and weather with Thai and English labels ' +
          "(a crash without the value counts as 'unknown'). Years are Gregorian, with yearBe (Buddhist Era).",
        querystring: CrashBreakdownQuery,
        response: { 200: CrashBreakdown, ...errors },
      },
    },
    async (request) => crashBreakdown(app.db, await readCheckedCrashFilter(app.db, request.query)),
  );
};

export default crashRankingRoutes;
