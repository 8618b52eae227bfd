// Bus punctuality for planners and the control room: stop calls on time, early or late, per route and hour (JSON or CSV).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, PunctualityQuery, PunctualityReport, type Role } from '../../schemas';
import { punctualityFigures } from '../../repositories/punctuality.repository';
import { resolveFeed } from '../../services/transit.service';
import { punctualityCsv } from '../../services/punctuality-csv';
import { periodOf } from '../../lib/period';

const REPORT_ROLES: readonly Role[] = ['admin', 'operator', 'planner', 'viewer'];
const MAX_SPAN_DAYS = 92;
/** The usual transit definition of on time: up to 1 minute early, up to 5 minutes late. */
const WINDOW = { earlyS: 60, lateS: 300 };

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const punctualityRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: PunctualityQuery & { format?: 'json' | 'csv' } }>(
    '/api/transit/punctuality',
    {
      config: { roles: REPORT_ROLES },
      schema: {
        tags: ['buses'],
        summary:
          'Stop calls on time (1 min early to 5 min late), early and late, overall, per route and per Bangkok hour',
        querystring: Type.Object(
          {
            ...PunctualityQuery.properties,
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: PunctualityReport, ...errors },
      },
    },
    async (request, reply) => {
      const { from, to } = periodOf(request.query, MAX_SPAN_DAYS);
      const feed = await resolveFeed(app.db, request.query.feed);
      const figures = await punctualityFigures(app.db, {
        from,
        to,
        feedId: feed?.id ?? null,
        routeId: request.query.routeId ?? null,
        ...WINDOW,
      });
      const report = { from: from.toISOString(), to: to.toISOString(), window: WINDOW, ...figures };
      if (request.query.format !== 'csv') return report;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="bus-punctuality.csv"')
        .send(punctualityCsv(report));
    },
  );
};

export default punctualityRoutes;
