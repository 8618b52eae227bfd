// Finding the footage: the cameras that could have seen a place at a time (ranked, with their recorded coverage and the
// events near), for a request or before filing one; and a still of a proposed camera at an instant (audited).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ErrorReply, FootageFinderQuery, FootageSearch, IdParams, RequestStillParams, RequestStillQuery } from '../../schemas';
import { HttpError, notFound } from '../../lib/http-error';
import { findRequest } from '../../repositories/footage-requests.repository';
import { findFootage } from '../../services/camera-finder/find-footage';
import { recordedStill } from '../../services/recording-playback.service';
import { insertAudit } from '../../repositories/audit.repository';
import { maySee } from '../../services/footage-requests/request-workflow';
import { clientInfo } from '../client-info';
import { REQUEST_ROLES } from './footage-requests.routes';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const footageFinderRoutes: FastifyPluginAsync = async (app) => {
  /** The request if the caller may see it (another station's is "not found"). */
  const visibleRequest = async (request: FastifyRequest, id: number) => {
    const stored = await findRequest(app.db, id);
    if (!stored || !maySee(request.user!, stored)) throw notFound(`Footage request ${id}`, `คำขอหมายเลข ${id}`);
    return stored;
  };

  app.get<{ Querystring: FootageFinderQuery }>(
    '/api/footage-finder',
    {
      config: { roles: REQUEST_ROLES },
      schema: {
        tags: ['footage requests'],
        summary: 'Cameras that could have seen a place in a time window, ranked, with recorded coverage and events near',
        querystring: FootageFinderQuery,
        response: { 200: FootageSearch, ...errors },
      },
    },
    async (request) => {
      const { lon, lat, from, to, ...options } = request.query;
      return findFootage(app.db, { place: { lon, lat }, window: { from: new Date(from), to: new Date(to) }, ...options });
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/footage-requests/:id/finder',
    {
      config: { roles: REQUEST_ROLES },
      schema: {
        tags: ['footage requests'],
        summary: "The finder for a request's place, uncertainty and window",
        params: IdParams,
        response: { 200: FootageSearch, ...errors },
      },
    },
    async (request) => {
      const stored = await visibleRequest(request, request.params.id);
      return findFootage(app.db, {
        place: stored.place,
        uncertaintyM: Math.min(stored.placeRadiusM, 500),
        window: { from: new Date(stored.from), to: new Date(stored.to) },
      });
    },
  );

  app.get<{ Params: RequestStillParams; Querystring: RequestStillQuery }>(
    '/api/footage-requests/:id/cameras/:cameraId/still',
    {
      config: { roles: REQUEST_ROLES },
      schema: {
        tags: ['footage requests'],
        summary:
          "A recorded frame of a camera the finder proposes for the request, inside the request's window (JPEG, audited)",
        params: RequestStillParams,
        querystring: RequestStillQuery,
        response: { ...errors, 410: ErrorReply },
      },
    },
    async (request, reply) => {
      const stored = await visibleRequest(request, request.params.id);
      const at = new Date(request.query.at);
      if (at < new Date(stored.from) || at > new Date(stored.to)) {
        throw new HttpError(400, "The instant must lie inside the request's window", 'เวลาที่ขอดูต้องอยู่ในช่วงเวลาของคำขอ');
      }
      // Only cameras that could have seen the place: a request is not a pass to look through any camera.
      const search = await findFootage(app.db, {
        place: stored.place,
        uncertaintyM: Math.min(stored.placeRadiusM, 500),
        window: { from: new Date(stored.from), to: new Date(stored.to) },
        limit: 50,
      });
      if (!search.cameras.some((c) => c.cameraId === request.params.cameraId)) {
        throw new HttpError(403, 'This camera is not one the finder proposes for this request', 'กล้องนี้ไม่อยู่ในรายการกล้องที่ระบบเสนอสำหรับคำขอนี้');
      }
      const { jpeg, segment } = await recordedStill(
        { db: app.db, dir: app.config.recording.dir, now: app.now() },
        request.params.cameraId,
        at,
      );
      await insertAudit(app.db, {
        userId: request.user!.id,
        username: request.user!.username,
        action: 'recording.still.view',
        target: `camera:${request.params.cameraId}`,
        detail: { at: at.toISOString(), segmentId: segment.id, footageRequest: stored.reference },
        ...clientInfo(request),
      });
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
    },
  );
};

export default footageFinderRoutes;
