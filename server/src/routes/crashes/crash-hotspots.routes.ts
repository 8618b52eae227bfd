// Getis-Ord Gi* hot spots of the filtered crashes on hexagons, for planners and admins.
import type { FastifyPluginAsync } from 'fastify';
import { readCheckedCrashFilter } from '../../crashes/checked-filter';
import { hotspotClass, twoSidedP } from '../../crashes/gi-star';
import { hotspotGrid } from '../../repositories/crash-hotspots.repository';
import { CrashHotspotQuery, CrashHotspotReply, ErrorReply } from '../../schemas';

const COUNTRY = 'TH';

const crashHotspotRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: CrashHotspotQuery }>(
    '/api/crashes/hotspots',
    {
      config: { roles: ['admin', 'planner'] },
      schema: {
        tags: ['crashes'],
        description:
          'Getis-Ord Gi* over every hexagon of the study region (the area filter, or the whole country), empty ' +
          'ones included, with each hexagon and its six neighbours as the local sum (binary weights). Returns the ' +
          'hexagons with a crash or a significant z, hottest first, classed hot/cold at 90/95/99 % (two-sided, ' +
          'no correction for the many hexagons tested: read isolated significant cells with care).',
        querystring: CrashHotspotQuery,
        response: { 200: CrashHotspotReply, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const filter = await readCheckedCrashFilter(app.db, request.query);
      const region = filter.area ?? COUNTRY;
      const cellM = request.query.cellM ?? (region === COUNTRY ? 5_000 : 1_000);
      const grid = await hotspotGrid(app.db, {
        filter,
        regionCode: region,
        cellM,
        limit: request.query.limit,
      });
      return {
        type: 'FeatureCollection' as const,
        region,
        regionCells: grid.regionCells,
        cellM,
        meanPerCell: grid.meanPerCell,
        features: grid.cells.map((cell) => ({
          type: 'Feature' as const,
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
    },
  );
};

export default crashHotspotRoutes;
