// Police footage requests: filing (online and walk-in with the paper form), reading, the workflow steps, download links.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  DownloadLink,
  ErrorReply,
  FootageRequest,
  FootageRequestForm,
  FootageRequestQuery,
  IdParams,
  RequestCamerasInput,
  RequestClose,
  RequestDecision,
  WalkInRequestForm,
} from '../../schemas';
import type { Role } from '../../schemas';
import { ADMINS, OPERATORS } from '../../plugins/types';
import type { RequestContext } from '../../services/footage-requests/request-context';
import {
  attachRequestForm,
  enterWalkInRequest,
  fileOnlineRequest,
} from '../../services/footage-requests/file-request.service';
import {
  chooseCameras,
  closeRequest,
  decideRequest,
  retryExport,
  reviewRequest,
} from '../../services/footage-requests/request-decisions.service';
import { getRequest, listVisibleRequests, type ViewContext } from '../../services/footage-requests/request-view.service';
import { createDownloadLink } from '../../services/footage-requests/evidence-download.service';
import { clientInfo } from '../client-info';

/** Who deals with footage requests: police file and follow theirs, staff review them. */
export const REQUEST_ROLES: readonly Role[] = ['admin', 'operator', 'police'];
const POLICE: readonly Role[] = ['police'];
const DOWNLOADERS: readonly Role[] = ['admin', 'police'];

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply };
const FORM_TYPES = ['application/pdf', 'image/jpeg'];

const footageRequestRoutes: FastifyPluginAsync = async (app) => {
  const context = (request: FastifyRequest): RequestContext => ({
    db: app.db,
    redis: app.redis,
    channels: app.channels,
    user: request.user!,
    client: clientInfo(request),
    now: app.now(),
    evidence: app.config.evidence,
    jobs: app.requestJobs,
  });
  const view = (request: FastifyRequest): ViewContext => ({
    db: app.db,
    user: request.user!,
    now: app.now(),
    overdueHours: app.config.evidence.overdueHours,
  });

  app.addContentTypeParser(FORM_TYPES, { parseAs: 'buffer', bodyLimit: app.config.evidence.formMaxBytes }, (_request, body, done) =>
    done(null, body),
  );

  app.get<{ Querystring: FootageRequestQuery }>(
    '/api/footage-requests',
    {
      config: { roles: REQUEST_ROLES },
      schema: {
        tags: ['footage requests'],
        summary: "Requests newest first: all of them for staff, the own station's for police; `open` for the review queue",
        querystring: FootageRequestQuery,
        response: { 200: Type.Array(FootageRequest), ...errors },
      },
    },
    async (request) => listVisibleRequests(view(request), request.query),
  );

  app.post<{ Body: FootageRequestForm }>(
    '/api/footage-requests',
    {
      config: { roles: POLICE },
      schema: {
        tags: ['footage requests'],
        summary: 'A police officer files a request online for their own station (audited, staff told)',
        body: FootageRequestForm,
        response: { 201: FootageRequest, ...errors },
      },
    },
    async (request, reply) => {
      const id = await fileOnlineRequest(context(request), request.body);
      return reply.status(201).send(await getRequest(view(request), id));
    },
  );

  app.post<{ Body: WalkInRequestForm }>(
    '/api/footage-requests/walk-in',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['footage requests'],
        summary: 'Staff enter a request brought on paper; attach the scanned form next (PUT …/form)',
        body: WalkInRequestForm,
        response: { 201: FootageRequest, ...errors },
      },
    },
    async (request, reply) => {
      const id = await enterWalkInRequest(context(request), request.body);
      return reply.status(201).send(await getRequest(view(request), id));
    },
  );

  app.put<{ Params: IdParams; Body: Buffer }>(
    '/api/footage-requests/:id/form',
    {
      config: { roles: OPERATORS },
      bodyLimit: app.config.evidence.formMaxBytes,
      schema: {
        tags: ['footage requests'],
        summary: 'Attaches the scanned paper form (PDF or JPEG) of a walk-in request, once',
        consumes: FORM_TYPES,
        params: IdParams,
        response: { 200: FootageRequest, ...errors, 413: ErrorReply, 415: ErrorReply },
      },
    },
    async (request) => {
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      await attachRequestForm(context(request), request.params.id, request.body, mediaType);
      return getRequest(view(request), request.params.id);
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/footage-requests/:id',
    {
      config: { roles: REQUEST_ROLES },
      schema: {
        tags: ['footage requests'],
        summary: 'One request with its cameras, steps and package',
        params: IdParams,
        response: { 200: FootageRequest, ...errors },
      },
    },
    async (request) => getRequest(view(request), request.params.id),
  );

  app.post<{ Params: IdParams }>(
    '/api/footage-requests/:id/review',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['footage requests'],
        summary: 'Staff take a submitted request into review',
        params: IdParams,
        response: { 200: FootageRequest, ...errors },
      },
    },
    async (request) => {
      await reviewRequest(context(request), request.params.id);
      return getRequest(view(request), request.params.id);
    },
  );

  app.put<{ Params: IdParams; Body: RequestCamerasInput }>(
    '/api/footage-requests/:id/cameras',
    {
      config: { roles: REQUEST_ROLES },
      schema: {
        tags: ['footage requests'],
        summary: 'The requester or a reviewer picks the cameras, each window trimmed inside the request’s',
        params: IdParams,
        body: RequestCamerasInput,
        response: { 200: FootageRequest, ...errors },
      },
    },
    async (request) => {
      await chooseCameras(context(request), request.params.id, request.body);
      return getRequest(view(request), request.params.id);
    },
  );

  app.post<{ Params: IdParams; Body: RequestDecision }>(
    '/api/footage-requests/:id/decision',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['footage requests'],
        summary:
          'Approve (evidence holds on the chosen footage, export queued) or reject with the reason; never by the requester',
        params: IdParams,
        body: RequestDecision,
        response: { 200: FootageRequest, ...errors },
      },
    },
    async (request) => {
      await decideRequest(context(request), request.params.id, request.body);
      return getRequest(view(request), request.params.id);
    },
  );

  app.post<{ Params: IdParams }>(
    '/api/footage-requests/:id/retry-export',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['footage requests'],
        summary: 'Queues a failed export again',
        params: IdParams,
        response: { 200: FootageRequest, ...errors },
      },
    },
    async (request) => {
      await retryExport(context(request), request.params.id);
      return getRequest(view(request), request.params.id);
    },
  );

  app.post<{ Params: IdParams; Body: RequestClose }>(
    '/api/footage-requests/:id/close',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['footage requests'],
        summary: 'Closes the case with the reason; its evidence holds are released (audited)',
        params: IdParams,
        body: RequestClose,
        response: { 200: FootageRequest, ...errors },
      },
    },
    async (request) => {
      await closeRequest(context(request), request.params.id, request.body.reason);
      return getRequest(view(request), request.params.id);
    },
  );

  app.post<{ Params: IdParams }>(
    '/api/footage-requests/:id/download-link',
    {
      config: { roles: DOWNLOADERS },
      schema: {
        tags: ['footage requests'],
        summary: 'A personal link to the package that expires (EVIDENCE_DOWNLOAD_LINK_MIN); for the requesting officer and admins',
        params: IdParams,
        response: { 200: DownloadLink, ...errors },
      },
    },
    async (request) => createDownloadLink(context(request), app.config.queuePrefix, request.params.id),
  );
};

export default footageRequestRoutes;
