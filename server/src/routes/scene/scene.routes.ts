// A camera's zones, counting lines and calibration (admin edits; everyone logged in may read), and its counts.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  Calibration,
  CalibrationInput,
  CameraScene,
  CameraSceneInput,
  CountsQuery,
  CrowdSample,
  ErrorReply,
  IdParams,
  LineCountRow,
} from '../../schemas';
import { checkCalibration, getScene, removeCalibration, replaceScene, saveCalibration } from '../../services/scene.service';
import { queryCrowdCounts, queryLineCounts } from '../../repositories/counts.repository';
import { ADMINS, ALL_ROLES } from '../../plugins/types';
import { assertOrdered } from '../../lib/period';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };
const COUNT_READERS = ['admin', 'operator', 'planner'] as const;
const CalibrationCheck = Type.Omit(Calibration, ['updatedAt']);

const sceneRoutes: FastifyPluginAsync = async (app) => {
  const ctx = (request: FastifyRequest) => ({
    db: app.db,
    redis: app.redis,
    channels: app.channels,
    user: request.user!,
    ip: request.ip,
  });

  app.get<{ Params: IdParams }>(
    '/api/cameras/:id/scene',
    { config: { roles: ALL_ROLES }, schema: { tags: ['scene'], params: IdParams, response: { 200: CameraScene, ...errors } } },
    async (request) => getScene(app.db, request.params.id),
  );

  app.put<{ Params: IdParams; Body: CameraSceneInput }>(
    '/api/cameras/:id/scene',
    {
      config: { roles: ADMINS },
      schema: { tags: ['scene'], params: IdParams, body: CameraSceneInput, response: { 200: CameraScene, ...errors } },
    },
    async (request) => replaceScene(ctx(request), request.params.id, request.body),
  );

  app.post<{ Params: IdParams; Body: CalibrationInput }>(
    '/api/cameras/:id/calibration/check',
    {
      config: { roles: ADMINS },
      schema: { tags: ['scene'], params: IdParams, body: CalibrationInput, response: { 200: CalibrationCheck, ...errors } },
    },
    async (request) => checkCalibration(request.params.id, request.body.pairs),
  );

  app.put<{ Params: IdParams; Body: CalibrationInput }>(
    '/api/cameras/:id/calibration',
    {
      config: { roles: ADMINS },
      schema: { tags: ['scene'], params: IdParams, body: CalibrationInput, response: { 200: Calibration, ...errors } },
    },
    async (request) => saveCalibration(ctx(request), request.params.id, request.body.pairs),
  );

  app.delete<{ Params: IdParams }>(
    '/api/cameras/:id/calibration',
    { config: { roles: ADMINS }, schema: { tags: ['scene'], params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await removeCalibration(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: IdParams; Querystring: CountsQuery }>(
    '/api/cameras/:id/counts/crowd',
    {
      config: { roles: COUNT_READERS },
      schema: { tags: ['counts'], params: IdParams, querystring: CountsQuery, response: { 200: Type.Array(CrowdSample), ...errors } },
    },
    async (request) => {
      assertOrdered(request.query.from, request.query.to);
      return queryCrowdCounts(app.db, request.params.id, request.query);
    },
  );

  app.get<{ Params: IdParams; Querystring: CountsQuery }>(
    '/api/cameras/:id/counts/lines',
    {
      config: { roles: COUNT_READERS },
      schema: { tags: ['counts'], params: IdParams, querystring: CountsQuery, response: { 200: Type.Array(LineCountRow), ...errors } },
    },
    async (request) => {
      assertOrdered(request.query.from, request.query.to);
      return queryLineCounts(app.db, request.params.id, request.query);
    },
  );
};

export default sceneRoutes;
