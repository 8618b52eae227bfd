// Transit read API for every logged-in role: routes with shapes, stops as GeoJSON, one stop with its routes.
import type { FastifyPluginAsync } from 'fastify';
import {
  ErrorReply,
  FeedQuery,
  StopIdParams,
  StopsQuery,
  TransitRouteCollection,
  TransitStopCollection,
  TransitStopDetail,
} from '../../schemas';
import { findStop, listRoutes, listStopRoutes, listStops } from '../../repositories/transit.repository';
import { resolveFeed } from '../../services/transit.service';
import { parseBbox } from '../../lib/bbox';
import { notFound } from '../../lib/http-error';
import { ALL_ROLES } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const transitRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FeedQuery }>(
    '/api/transit/routes',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['transit'],
        querystring: FeedQuery,
        response: { 200: TransitRouteCollection, ...errors },
      },
    },
    async (request) => listRoutes(app.db, (await resolveFeed(app.db, request.query.feed))?.id ?? null),
  );

  app.get<{ Querystring: StopsQuery }>(
    '/api/transit/stops',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['transit'],
        querystring: StopsQuery,
        response: { 200: TransitStopCollection, ...errors },
      },
    },
    async (request) => {
      const bbox = request.query.bbox === undefined ? null : parseBbox(request.query.bbox);
      return listStops(app.db, (await resolveFeed(app.db, request.query.feed))?.id ?? null, bbox);
    },
  );

  app.get<{ Params: StopIdParams; Querystring: FeedQuery }>(
    '/api/transit/stops/:stopId',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['transit'],
        params: StopIdParams,
        querystring: FeedQuery,
        response: { 200: TransitStopDetail, ...errors },
      },
    },
    async (request) => {
      const feed = await resolveFeed(app.db, request.query.feed);
      const stop = await findStop(app.db, request.params.stopId, feed?.id ?? null);
      if (!stop) throw notFound(`Stop ${request.params.stopId}`, `ป้ายรถ ${request.params.stopId}`);
      return { ...stop, routes: await listStopRoutes(app.db, stop.feedId, stop.stopId) };
    },
  );
};

export default transitRoutes;
