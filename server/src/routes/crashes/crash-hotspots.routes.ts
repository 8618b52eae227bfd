// Getis-Ord Gi* hot spots of the filtered crashes on hexagons, for planners and admins.
import type { FastifyPluginAsync } from 'fastify';
import { CrashHotspotQuery, CrashHotspotReply, ErrorReply } from '../../schemas';
import { crashHotspots } from '../../services/crash-hotspots.service';

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
    async (request) => crashHotspots(app.db, request.query),
  );
};

export default crashHotspotRoutes;
