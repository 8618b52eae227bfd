// Next arrivals at a stop: for every logged-in role, and publicly (with the stop's names) for the smart bus-stop sign.
import type { FastifyPluginAsync } from 'fastify';
import {
  ArrivalsParams,
  ArrivalsQuery,
  ErrorReply,
  PublicStopBoard,
  StopArrivalsMessage,
} from '../../schemas';
import { resolveStop, stopArrivals } from '../../services/arrivals.service';
import { ALL_ROLES } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const arrivalsRoutes: FastifyPluginAsync = async (app) => {
  const ctx = () => ({ db: app.db, redis: app.redis, queuePrefix: app.config.queuePrefix });

  app.get<{ Params: ArrivalsParams; Querystring: ArrivalsQuery }>(
    '/api/transit/stops/:stopId/arrivals',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['transit'],
        params: ArrivalsParams,
        querystring: ArrivalsQuery,
        response: { 200: StopArrivalsMessage, ...errors },
      },
    },
    async (request) =>
      stopArrivals(ctx(), await resolveStop(app.db, request.params.stopId, request.query.feed)),
  );

  app.get<{ Params: ArrivalsParams; Querystring: ArrivalsQuery }>(
    '/api/public/stops/:stopId/arrivals',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['public'],
        params: ArrivalsParams,
        querystring: ArrivalsQuery,
        response: { 200: PublicStopBoard, ...errors },
      },
    },
    async (request) => {
      const stop = await resolveStop(app.db, request.params.stopId, request.query.feed);
      return { stop, board: await stopArrivals(ctx(), stop) };
    },
  );
};

export default arrivalsRoutes;
