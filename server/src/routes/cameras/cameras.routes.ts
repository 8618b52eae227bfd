// Cameras: everyone logged in may list them; only admins change them.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Camera, CameraCreate, CameraUpdate, ErrorReply, IdParams } from '../../schemas';
import { findCamera, listCameras } from '../../repositories/cameras.repository';
import { createCamera, deleteCamera, updateCamera, type CameraAdminContext } from '../../services/cameras.service';
import { findStreamCamera } from '../../services/camera-streams.service';
import { notFound } from '../../lib/http-error';
import { ADMINS, ALL_ROLES, LIVE_VIDEO_ROLES } from '../../plugins/types';
import { grabStill } from '../../services/frame-grab.service';
import { auditStillView } from '../../services/footage-audit.service';
import { clientInfo } from '../client-info';
import type { Camera as CameraView, User } from '../../schemas';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

/** Only admins see where a stream lives (never its credentials): other roles get no stream URL at all. */
function viewFor(user: User, camera: CameraView): CameraView {
  if (user.role === 'admin') return camera;
  const { rtspUrl: _url, rtspCredentialsSet: _set, ...view } = camera;
  return view;
}

const cameraRoutes: FastifyPluginAsync = async (app) => {
  const adminContext = (request: FastifyRequest): CameraAdminContext => ({
    db: app.db,
    redis: app.redis,
    channels: app.channels,
    user: request.user!,
    ip: request.ip,
    secretKey: app.cameraKeys.current,
  });

  app.get(
    '/api/cameras',
    { config: { roles: ALL_ROLES }, schema: { tags: ['cameras'], response: { 200: Type.Array(Camera), ...errors } } },
    async (request) => (await listCameras(app.db)).map((camera) => viewFor(request.user!, camera)),
  );

  app.get<{ Params: IdParams }>(
    '/api/cameras/:id',
    { config: { roles: ALL_ROLES }, schema: { tags: ['cameras'], params: IdParams, response: { 200: Camera, ...errors } } },
    async (request) => {
      const camera = await findCamera(app.db, request.params.id);
      if (!camera) throw notFound(`Camera ${request.params.id}`, `กล้อง ${request.params.id}`);
      return viewFor(request.user!, camera);
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
      const camera = await findStreamCamera(app.db, request.params.id, app.cameraKeys);
      if (!camera) throw notFound(`Camera ${request.params.id}`, `กล้อง ${request.params.id}`);
      const jpeg = await grabStill(camera);
      // A picture of the scene is footage (PDPA): the view is recorded before it is sent, or not sent at all.
      await auditStillView(app.db, { user: request.user!, ...clientInfo(request) }, camera.id);
      return reply.type('image/jpeg').header('cache-control', 'no-store').send(jpeg);
    },
  );

  app.post<{ Body: CameraCreate }>(
    '/api/cameras',
    { config: { roles: ADMINS }, schema: { tags: ['cameras'], body: CameraCreate, response: { 201: Camera, ...errors } } },
    async (request, reply) => {
      const camera = await createCamera(adminContext(request), request.body);
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
      updateCamera(adminContext(request), request.params.id, request.body),
  );

  app.delete<{ Params: IdParams }>(
    '/api/cameras/:id',
    { config: { roles: ADMINS }, schema: { tags: ['cameras'], params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await deleteCamera(adminContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

export default cameraRoutes;
