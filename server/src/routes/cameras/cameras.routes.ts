// Cameras: everyone logged in may list them; only admins change them.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { Camera, CameraCreate, CameraUpdate, ErrorReply, IdParams } from '../../schemas';
import { findCamera, listCameras } from '../../repositories/cameras.repository';
import { createCamera, deleteCamera, updateCamera } from '../../services/cameras.service';
import { notFound } from '../../lib/http-error';
import { ADMINS, ALL_ROLES, LIVE_VIDEO_ROLES } from '../../plugins/types';
import { grabStill } from '../../services/frame-grab.service';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const cameraRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/cameras',
    { config: { roles: ALL_ROLES }, schema: { tags: ['cameras'], response: { 200: Type.Array(Camera), ...errors } } },
    async () => listCameras(app.db),
  );

  app.get<{ Params: IdParams }>(
    '/api/cameras/:id',
    { config: { roles: ALL_ROLES }, schema: { tags: ['cameras'], params: IdParams, response: { 200: Camera, ...errors } } },
    async (request) => {
      const camera = await findCamera(app.db, request.params.id);
      if (!camera) throw notFound(`Camera ${request.params.id}`, `กล้อง ${request.params.id}`);
      return camera;
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/cameras/:id/frame.jpg',
    {
      config: { roles: LIVE_VIDEO_ROLES },
      schema: {
        tags: ['cameras'],
        summary: 'A still picture from the camera at full resolution (for drawing zones and calibration points)',
        params: IdParams,
        response: { ...errors, 503: ErrorReply },
      },
    },
    async (request, reply) => {
      const camera = await findCamera(app.db, request.params.id);
      if (!camera) throw notFound(`Camera ${request.params.id}`, `กล้อง ${request.params.id}`);
      const jpeg = await grabStill(camera.rtspUrl);
      return reply.type('image/jpeg').header('cache-control', 'no-store').send(jpeg);
    },
  );

  app.post<{ Body: CameraCreate }>(
    '/api/cameras',
    { config: { roles: ADMINS }, schema: { tags: ['cameras'], body: CameraCreate, response: { 201: Camera, ...errors } } },
    async (request, reply) => {
      const camera = await createCamera({ db: app.db, redis: app.redis, user: request.user!, ip: request.ip }, request.body);
      return reply.status(201).send(camera);
    },
  );

  app.patch<{ Params: IdParams; Body: CameraUpdate }>(
    '/api/cameras/:id',
    {
      config: { roles: ADMINS },
      schema: { tags: ['cameras'], params: IdParams, body: CameraUpdate, response: { 200: Camera, ...errors } },
    },
    async (request) =>
      updateCamera({ db: app.db, redis: app.redis, user: request.user!, ip: request.ip }, request.params.id, request.body),
  );

  app.delete<{ Params: IdParams }>(
    '/api/cameras/:id',
    { config: { roles: ADMINS }, schema: { tags: ['cameras'], params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await deleteCamera({ db: app.db, redis: app.redis, user: request.user!, ip: request.ip }, request.params.id);
      return reply.status(204).send();
    },
  );
};

export default cameraRoutes;
