// Events: query by place, time, type and status; operators acknowledge and resolve.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ErrorReply, Event, EventAction, EventPage, EventQuery, IdParams, type EventStatus } from '../../schemas';
import { findEvent, queryEvents } from '../../repositories/events.repository';
import { changeEventAssignee, changeEventStatus, type EventActionContext } from '../../services/events.service';
import { publishCrashesChanged } from '../../realtime/crashes-live';
import { notFound } from '../../lib/http-error';
import { parseBbox } from '../../lib/bbox';
import { assertOrdered } from '../../lib/period';
import { ALL_ROLES, OPERATORS } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply };

const ACTIONS: Record<string, EventStatus> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  'false-alarm': 'false_alarm',
};

const eventRoutes: FastifyPluginAsync = async (app) => {
  const actionContext = (request: FastifyRequest): EventActionContext => ({
    db: app.db,
    store: app.eventStore,
    user: request.user!,
    ip: request.ip,
    announceCrashes: (message) =>
      publishCrashesChanged({ redis: app.redis, channels: app.channels }, message),
  });

  app.get<{ Querystring: EventQuery }>(
    '/api/events',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['events'], querystring: EventQuery, response: { 200: EventPage, ...errors } },
    },
    async (request) => {
      const query = request.query;
      if (query.bbox) parseBbox(query.bbox);
      assertOrdered(query.from, query.to);
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

  // "Assign to me" and release: the caller takes the alarm in hand, or gives it back.
  for (const [action, take] of [['assign', true], ['release', false]] as const) {
    app.post<{ Params: IdParams }>(
      `/api/events/:id/${action}`,
      { config: { roles: OPERATORS }, schema: { tags: ['events'], params: IdParams, response: { 200: Event, ...errors } } },
      async (request) =>
        changeEventAssignee(actionContext(request), request.params.id, take),
    );
  }

  for (const [action, status] of Object.entries(ACTIONS)) {
    app.post<{ Params: IdParams; Body: EventAction }>(
      `/api/events/:id/${action}`,
      {
        config: { roles: OPERATORS },
        schema: { tags: ['events'], params: IdParams, body: EventAction, response: { 200: Event, ...errors } },
      },
      async (request) =>
        changeEventStatus(
          actionContext(request),
          request.params.id,
          status,
          request.body?.note ?? null,
        ),
    );
  }
};

export default eventRoutes;
