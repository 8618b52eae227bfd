// GTFS feeds: list for everyone logged in; upload (a zip body, imported as a job) and delete for admins, both audited.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, FeedNameQuery, GtfsFeed, GtfsImportJob, GtfsImportReply, IdParams } from '../../schemas';
import { listFeeds } from '../../repositories/transit.repository';
import { checkUploadedFeed, removeFeed } from '../../services/transit.service';
import { GtfsImportJobs } from '../../services/gtfs-import-jobs';
import { HttpError, notFound } from '../../lib/http-error';
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
  const imports = new GtfsImportJobs({
    db: app.db,
    now: () => app.now(),
    log: app.log,
    timeLimitMs: app.config.gtfsImportTimeLimitSeconds * 1000,
  });
  app.addHook('onClose', () => imports.close());

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
        description:
          'Imports a GTFS zip as a job. A feed imported within GTFS_IMPORT_WAIT_S answers 200 with the report (or the ' +
          '4xx of a feed that cannot be used); a longer import answers 202 with the job, followed at its Location.',
        consumes: ZIP_TYPES,
        querystring: FeedNameQuery,
        response: { 200: GtfsImportReply, 202: GtfsImportJob, ...errors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new HttpError(
          400,
          'Send the GTFS zip as the request body (application/zip)',
          'ส่งไฟล์ GTFS แบบ zip เป็นเนื้อหาคำขอ (application/zip)',
        );
      }
      const feed = { name: request.query.name, replace: request.query.replace ?? false };
      await checkUploadedFeed(app.db, feed, request.body);
      const submitted = await imports.submit({ user: request.user!, ip: request.ip }, feed, request.body);
      const job = (await imports.wait(submitted.id, app.config.gtfsImportWaitSeconds * 1000)) ?? submitted;
      if (job.status === 'done' && job.report) return job.report;
      if (job.status === 'failed' && job.error) {
        throw new HttpError(job.error.statusCode, job.error.message, job.error.messageTh);
      }
      return reply.code(202).header('location', `/api/transit/feeds/imports/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/transit/feeds/imports',
    {
      config: { roles: ADMINS },
      schema: { tags: ['transit'], description: 'The latest 50 GTFS uploads, newest first', response: { 200: Type.Array(GtfsImportJob), ...errors } },
    },
    async () => imports.list(),
  );

  app.get<{ Params: IdParams }>(
    '/api/transit/feeds/imports/:id',
    {
      config: { roles: ADMINS },
      schema: { tags: ['transit'], params: IdParams, response: { 200: GtfsImportJob, ...errors } },
    },
    async (request) => {
      const job = await imports.find(request.params.id);
      if (!job) throw notFound(`GTFS import ${request.params.id}`, `งานนำเข้า GTFS ${request.params.id}`);
      return job;
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
