// Shift tools for the control room: the shift log (read, and add an entry, audited) and a Bangkok day's alarm summary.
import type { FastifyPluginAsync } from 'fastify';
import {
  ErrorReply,
  ShiftLogEntry,
  ShiftLogInput,
  ShiftLogPage,
  ShiftLogQuery,
  ShiftSummary,
  ShiftSummaryQuery,
} from '../../schemas';
import { insertShiftLogEntry, listShiftLog } from '../../repositories/shift-log.repository';
import { shiftFigures } from '../../repositories/shift-summary.repository';
import { insertAudit } from '../../repositories/audit.repository';
import { withTransaction } from '../../db/transaction';
import { assertOrdered } from '../../lib/period';
import { bangkokDayOf, bangkokDayPeriod } from '../../lib/bangkok-day';
import { HttpError } from '../../lib/http-error';
import { OPERATORS } from '../../plugins/types';
import { clientInfo } from '../client-info';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply };

const shiftRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ShiftLogQuery }>(
    '/api/shift-log',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['shift'],
        summary:
          'Shift log entries (handover notes and notes) newest first, optionally within a period [from, to)',
        querystring: ShiftLogQuery,
        response: { 200: ShiftLogPage, ...errors },
      },
    },
    async (request) => {
      const { from, to, limit, offset } = request.query;
      assertOrdered(from, to);
      const { items, total } = await listShiftLog(app.db, { from, to, limit, offset });
      return { items, total, limit, offset };
    },
  );

  // Append-only: there is deliberately no route to edit or delete an entry; a correction is a new entry.
  app.post<{ Body: ShiftLogInput }>(
    '/api/shift-log',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['shift'],
        summary: 'Adds a handover note or a note to the shift log, optionally about an alarm (audited)',
        body: ShiftLogInput,
        response: { 201: ShiftLogEntry, ...errors },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const { ip, userAgent } = clientInfo(request);
      // The entry and its audit row land together, or neither does.
      const entry = await withTransaction(app.db, async (tx) => {
        const added = await insertShiftLogEntry(tx, user.id, request.body);
        if (!added) {
          throw new HttpError(
            400,
            `There is no alarm ${request.body.eventId} to write about`,
            `ไม่มีเหตุแจ้งเตือนหมายเลข ${request.body.eventId} ที่จะบันทึกถึง`,
          );
        }
        await insertAudit(tx, {
          userId: user.id,
          username: user.username,
          action: 'shift-log.add',
          target: `shift-log:${added.id}`,
          detail: { kind: added.kind, eventId: added.eventId, chars: [...added.body].length },
          ip,
          userAgent,
        });
        return added;
      });
      return reply.status(201).send(entry);
    },
  );

  app.get<{ Querystring: ShiftSummaryQuery }>(
    '/api/shift/summary',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['shift'],
        summary:
          "One Bangkok day's alarms (default today): counts by type, status, severity and district, time to acknowledge, " +
          'unacknowledged, escalated and folded repeats',
        querystring: ShiftSummaryQuery,
        response: { 200: ShiftSummary, ...errors },
      },
    },
    async (request) => {
      const day = request.query.day ?? bangkokDayOf(app.now());
      const period = bangkokDayPeriod(day);
      const figures = await shiftFigures(app.db, period);
      return { day, from: period.from.toISOString(), to: period.to.toISOString(), ...figures };
    },
  );
};

export default shiftRoutes;
