// The elephant situation: recent movement paths (sightings and warnings come from the events API).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ElephantPath, ErrorReply, IsoDateTime } from '../../schemas';
import { listElephantPaths } from '../../repositories/elephant-paths.repository';
import { ALL_ROLES } from '../../plugins/types';

const PathsQuery = Type.Object({ since: Type.Optional(IsoDateTime) }, { additionalProperties: false });

const elephantRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { since?: string } }>(
    '/api/elephants/paths',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['elephants'], querystring: PathsQuery, response: { 200: Type.Array(ElephantPath), 401: ErrorReply, 403: ErrorReply } },
    },
    // Default: the last 7 days, enough to see where a herd has been moving.
    async (request) => listElephantPaths(app.db, request.query.since ?? new Date(app.now().getTime() - 7 * 86_400_000).toISOString()),
  );
};

export default elephantRoutes;
