// Crash file imports: an admin uploads a DOH/MOT accident table (CSV) or the fatal-crash points (GeoJSON) and gets the
// counts and the rejected rows by line; admins and planners list past imports. Every upload is audited.
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { importCrashFile } from '../../crashes/crash-import';
import { CrashImportError } from '../../crashes/crash-record';
import { HttpError } from '../../lib/http-error';
import { ADMINS } from '../../plugins/types';
import { publishCrashesChanged } from '../../realtime/crashes-live';
import { insertAudit } from '../../repositories/audit.repository';
import { listCrashImports } from '../../repositories/crashes.repository';
import { CrashImport, CrashImportReport, CrashUploadQuery, ErrorReply } from '../../schemas';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 413: ErrorReply, 415: ErrorReply };
/** A national year of DOH records is about 20 MB as CSV. */
const MAX_UPLOAD_BYTES = 128 * 1024 * 1024;
const UPLOAD_TYPES = ['text/csv', 'application/geo+json', 'application/octet-stream'];
const LIST_LIMIT = 50;

const crashImportRoutes: FastifyPluginAsync = async (app) => {
  for (const type of UPLOAD_TYPES.filter((t) => !app.hasContentTypeParser(t))) {
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );
  }

  app.post<{ Querystring: CrashUploadQuery; Body: Buffer }>(
    '/api/crash-imports',
    {
      config: { roles: ADMINS },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['crashes'],
        description:
          'Imports a crash file sent as the body: readable rows are stored (a re-import changes nothing), rejected ' +
          'rows come back with their line and reason; a file whose header cannot be mapped imports nothing (400).',
        consumes: UPLOAD_TYPES,
        querystring: CrashUploadQuery,
        response: { 200: CrashImportReport, ...errors },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new HttpError(
          400,
          'Send the crash file as the request body (text/csv or application/geo+json)',
          'ส่งไฟล์อุบัติเหตุเป็นเนื้อหาคำขอ (text/csv หรือ application/geo+json)',
        );
      }
      const user = request.user!;
      // The importer streams from a file: a national table is read row by row, never parsed whole in memory.
      const file = path.join(tmpdir(), `toc-crash-upload-${randomUUID()}${path.extname(request.query.name)}`);
      await writeFile(file, request.body);
      try {
        const report = await importCrashFile(app.db, {
          file,
          fileName: request.query.name,
          source: request.query.source,
          user: { id: user.id, username: user.username },
        });
        await insertAudit(app.db, {
          userId: user.id,
          username: user.username,
          action: 'crashes.import',
          target: `crash_import:${report.importId}`,
          detail: { file: request.query.name, source: report.source, ...report.counts },
          ip: request.ip,
        });
        // Old records rarely fall in the live layer's day, but a new or changed one may: its readers look again.
        if (report.counts.added + report.counts.updated > 0)
          await publishCrashesChanged(
            { redis: app.redis, channels: app.channels },
            { reason: 'import', importId: report.importId },
          );
        return report;
      } catch (error) {
        if (error instanceof CrashImportError) throw new HttpError(400, error.message, error.messageTh);
        throw error;
      } finally {
        await rm(file, { force: true });
      }
    },
  );

  app.get(
    '/api/crash-imports',
    {
      config: { roles: ['admin', 'planner'] },
      schema: {
        tags: ['crashes'],
        description: 'The latest 50 crash imports, newest first',
        response: { 200: Type.Array(CrashImport), ...errors },
      },
    },
    async () => listCrashImports(app.db, LIST_LIMIT),
  );
};

export default crashImportRoutes;
