// The audit log for administrators: filtered pages newest first (JSON), or the same rows as CSV; no one else may read it.
import type { FastifyPluginAsync } from 'fastify';
import { AuditPage, AuditQuery, ErrorReply } from '../../schemas';
import { ADMINS } from '../../plugins/types';
import { auditExport, auditPage } from '../../services/audit-log.service';
import { clientInfo } from '../client-info';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply };

const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: AuditQuery }>(
    '/api/audit',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['audit'],
        summary:
          'Audit rows newest first, filtered by period, user, action prefix and target; format=csv exports them',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (request, reply) => {
      if (request.query.format !== 'csv') return auditPage(app.db, request.query);
      const exported = await auditExport(
        app.db,
        { user: request.user!, ...clientInfo(request) },
        request.query,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .header('cache-control', 'private, no-store')
        .header('x-audit-rows', String(exported.rows))
        .header('x-audit-truncated', String(exported.truncated))
        .send(exported.csv);
    },
  );
};

export default auditRoutes;
