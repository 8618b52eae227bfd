// The administrative areas the crash analyses filter by (provinces, districts, sub-districts), for planners and admins.
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../lib/http-error';
import { areaExists, listAreas } from '../../repositories/areas.repository';
import { AreaList, AreasQuery, ErrorReply } from '../../schemas';

const areasRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: AreasQuery }>(
    '/api/areas',
    {
      config: { roles: ['admin', 'planner'] },
      schema: {
        tags: ['crashes'],
        summary: 'Provinces, or the districts or sub-districts inside one area, with their bounding boxes',
        querystring: AreasQuery,
        response: { 200: AreaList, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const parent = request.query.parent ?? null;
      if (parent && !(await areaExists(app.db, parent)))
        throw new HttpError(400, `Unknown area ${parent}`, `ไม่พบพื้นที่รหัส ${parent}`);
      return listAreas(app.db, parent);
    },
  );
};

export default areasRoutes;
