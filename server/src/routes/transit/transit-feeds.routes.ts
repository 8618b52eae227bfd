// GTFS feeds: list for everyone logged in; upload (a zip body) and delete for admins, both audited.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, FeedNameQuery, GtfsFeed, GtfsImportReply, IdParams } from '../../schemas';
import { listFeeds } from '../../repositories/transit.repository';
import { importUploadedFeed, removeFeed } from '../../services/transit.service';
import { HttpError } from '../../lib/http-error';
import { ADMINS, ALL_ROLES } from '../../plugins/types';

const errors = {
  400: ErrorReply,
  401: ErrorReply,
  403: ErrorReply,
  404: ErrorReply,
  409: ErrorReply,
  413: ErrorReply,
  415: ErrorReply,
};
/** The national Namtang feed zips to about 1 MB; 64 MB leaves room for large city feeds. */
const MAX_FEED_BYTES = 64 * 1024 * 1024;
const ZIP_TYPES = ['application/zip', 'application/octet-stream', 'application/x-zip-compressed'];

const transitFeedRoutes: FastifyPluginAsync = async (app) => {
  for (const type of ZIP_TYPES) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FEED_BYTES }, (_request, body, done) =>
      done(null, body),
    );
  }

  app.get(
    '/api/transit/feeds',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['transit'], response: { 200: Type.Array(GtfsFeed), ...errors } },
    },
    async () => listFeeds(app.db),
  );

  app.post<{ Querystring: FeedNameQuery; Body: Buffer }>(
    '/api/transit/feeds',
    {
      config: { roles: ADMINS },
      bodyLimit: MAX_FEED_BYTES,
      schema: {
        tags: ['transit'],
        consumes: ZIP_TYPES,
        querystring: FeedNameQuery,
        response: { 200: GtfsImportReply, ...errors },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new HttpError(
          400,
          'Send the GTFS zip as the request body (application/zip)',
          'ส่งไฟล์ GTFS แบบ zip เป็นเนื้อหาคำขอ (application/zip)',
        );
      }
      return importUploadedFeed(
        app.db,
        { user: request.user!, ip: request.ip },
        { name: request.query.name, replace: request.query.replace ?? false },
        request.body,
      );
    },
  );

  app.delete<{ Params: IdParams }>(
    '/api/transit/feeds/:id',
    {
      config: { roles: ADMINS },
      schema: { tags: ['transit'], params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await removeFeed(app.db, { user: request.user!, ip: request.ip }, request.params.id);
      return reply.code(204).send();
    },
  );
};

export default transitFeedRoutes;
