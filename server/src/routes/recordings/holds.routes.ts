// Evidence holds: the control room sees which footage retention may not delete; admins hold and release it (audited).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorReply,
  EvidenceHold,
  EvidenceHoldInput,
  EvidenceHoldQuery,
  EvidenceHoldRelease,
  IdParams,
} from '../../schemas';
import { listEvidenceHolds } from '../../repositories/evidence-holds.repository';
import {
  createEvidenceHold,
  releaseHold,
  type HoldActionContext,
} from '../../services/evidence-holds.service';
import { ADMINS, OPERATORS } from '../../plugins/types';
import { clientInfo } from '../client-info';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const holdRoutes: FastifyPluginAsync = async (app) => {
  const actionContext = (request: FastifyRequest): HoldActionContext => ({
    db: app.db,
    user: request.user!,
    client: clientInfo(request),
    now: app.now(),
  });

  app.get<{ Querystring: EvidenceHoldQuery }>(
    '/api/evidence-holds',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['recordings'],
        summary: 'Evidence holds newest first (default: those in force), with the recorded bytes each holds',
        querystring: EvidenceHoldQuery,
        response: { 200: Type.Array(EvidenceHold), ...errors },
      },
    },
    async (request) =>
      listEvidenceHolds(app.db, {
        activeAt: request.query.state === 'active' ? app.now() : null,
        cameraId: request.query.cameraId,
      }),
  );

  app.post<{ Body: EvidenceHoldInput }>(
    '/api/evidence-holds',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['recordings'],
        summary:
          "Holds a camera's recorded footage of a past period: retention and disk pressure never delete it (audited)",
        body: EvidenceHoldInput,
        response: { 201: EvidenceHold, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEvidenceHold(actionContext(request), request.body)),
  );

  app.post<{ Params: IdParams; Body: EvidenceHoldRelease }>(
    '/api/evidence-holds/:id/release',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['recordings'],
        summary:
          'Releases a hold, with the reason: retention may delete its footage again once it is old enough (audited)',
        params: IdParams,
        body: EvidenceHoldRelease,
        response: { 200: EvidenceHold, 409: ErrorReply, ...errors },
      },
    },
    async (request) => releaseHold(actionContext(request), request.params.id, request.body.reason),
  );
};

export default holdRoutes;
