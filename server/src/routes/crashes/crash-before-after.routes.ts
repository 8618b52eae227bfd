// Before/after of a safety measure at a site, for planners and admins (see services/before-after.service.ts).
import type { FastifyPluginAsync } from 'fastify';
import { beforeAfterStudy } from '../../services/before-after.service';
import { BeforeAfterQuery, BeforeAfterReply, ErrorReply } from '../../schemas';

const crashBeforeAfterRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: BeforeAfterQuery }>(
    '/api/crashes/before-after',
    {
      config: { roles: ['admin', 'planner'] },
      schema: {
        tags: ['crashes'],
        description:
          'Crashes at a site (an area, a drawn polygon or a DOH road section) in equal periods before and after a ' +
          'date, against a comparison group over the same periods (everything outside the site, or comparisonArea): ' +
          'index of effectiveness with its 95 % interval and an exact test; "too_few" when the counts cannot say.',
        querystring: BeforeAfterQuery,
        response: { 200: BeforeAfterReply, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => beforeAfterStudy(app.db, request.query),
  );
};

export default crashBeforeAfterRoutes;
