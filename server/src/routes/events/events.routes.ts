// Events: query by place, time, type and status; operators acknowledge and resolve.
import type { FastifyPluginAsync } from 'fastify';
import { ErrorReply, Event, EventAction, EventPage, EventQuery, IdParams, type EventStatus } from '../../schemas';
import { findEvent, queryEvents } from '../../repositories/events.repository';
import { changeEventStatus } from '../../services/events.service';
import { HttpError, notFound } from '../../lib/http-error';
import { ALL_ROLES, OPERATORS } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply };

const ACTIONS: Record<string, EventStatus> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  'false-alarm': 'false_alarm',
};

const eventRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: EventQuery }>(
    '/api/events',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['events'], querystring: EventQuery, response: { 200: EventPage, ...errors } },
    },
    async (request) => {
      const query = request.query;
      if (query.bbox) {
        const [minLon, minLat, maxLon, maxLat] = query.bbox.split(',').map(Number) as [number, number, number, number];
        if (minLon >= maxLon || minLat >= maxLat || Math.abs(minLon) > 180 || Math.abs(maxLat) > 90) {
          throw new HttpError(400, 'bbox must be minLon,minLat,maxLon,maxLat with min < max', 'bbox ต้องเป็น minLon,minLat,maxLon,maxLat โดยค่าต่ำสุดน้อยกว่าค่าสูงสุด');
        }
      }
      if (query.from && query.to && query.from >= query.to) {
        throw new HttpError(400, '`from` must be before `to`', 'เวลาเริ่มต้องมาก่อนเวลาสิ้นสุด');
      }
      const { items, total } = await queryEvents(app.db, query);
      return { items, total, limit: query.limit, offset: query.offset };
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/events/:id',
    { config: { roles: ALL_ROLES }, schema: { tags: ['events'], params: IdParams, response: { 200: Event, ...errors } } },
    async (request) => {
      const event = await findEvent(app.db, request.params.id);
      if (!event) throw notFound(`Event ${request.params.id}`, `เหตุการณ์ ${request.params.id}`);
      return event;
    },
  );

  for (const [action, status] of Object.entries(ACTIONS)) {
    app.post<{ Params: IdParams; Body: EventAction }>(
      `/api/events/:id/${action}`,
      {
        config: { roles: OPERATORS },
        schema: { tags: ['events'], params: IdParams, body: EventAction, response: { 200: Event, ...errors } },
      },
      async (request) =>
        changeEventStatus(
          { db: app.db, store: app.eventStore, user: request.user!, ip: request.ip },
          request.params.id,
          status,
          request.body?.note ?? null,
        ),
    );
  }
};

export default eventRoutes;
