// An event's timeline, its snapshots (footage: restricted roles, every view audited) and its notifications.
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorReply,
  EventUpdate,
  IdParams,
  NotificationLogEntry,
  NotificationTarget,
  NotificationTargetInput,
  Snapshot,
  type Role,
} from '../../schemas';
import { findEvent, listEventUpdates } from '../../repositories/events.repository';
import { findSnapshot, listSnapshots } from '../../repositories/snapshots.repository';
import {
  deleteNotificationTarget,
  insertNotificationTarget,
  listNotificationTargets,
  listNotifications,
} from '../../repositories/notifications.repository';
import { insertAudit } from '../../repositories/audit.repository';
import { withTransaction } from '../../db/transaction';
import { auditSnapshotView } from '../../services/footage-audit.service';
import { clientInfo } from '../client-info';
import { resolveInside } from '../../lib/atomic-file';
import { HttpError, notFound } from '../../lib/http-error';
import { parseAllowList } from '../../lib/outbound-allow-list';
import { checkOutboundUrl } from '../../lib/outbound-url';
import { ADMINS, ALL_ROLES, OPERATORS } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };
/** Images of people and plates fall under the PDPA: not for viewers or planners. */
const FOOTAGE_ROLES: readonly Role[] = ['admin', 'operator', 'police'];

const evidenceRoutes: FastifyPluginAsync = async (app) => {
  const notifyAllowList = parseAllowList(app.config.notifyAllowedHosts);
  const requireEvent = async (id: number) => {
    if (!(await findEvent(app.db, id))) throw notFound(`Event ${id}`, `เหตุการณ์ ${id}`);
  };

  app.get<{ Params: IdParams }>(
    '/api/events/:id/updates',
    { config: { roles: ALL_ROLES }, schema: { tags: ['events'], params: IdParams, response: { 200: Type.Array(EventUpdate), ...errors } } },
    async (request) => {
      await requireEvent(request.params.id);
      return listEventUpdates(app.db, request.params.id);
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/events/:id/snapshots',
    { config: { roles: FOOTAGE_ROLES }, schema: { tags: ['events'], params: IdParams, response: { 200: Type.Array(Snapshot), ...errors } } },
    async (request) => {
      await requireEvent(request.params.id);
      return (await listSnapshots(app.db, request.params.id)).map(({ path: _path, ...snapshot }) => snapshot);
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/snapshots/:id',
    { config: { roles: FOOTAGE_ROLES }, schema: { tags: ['events'], params: IdParams, response: { ...errors } } },
    async (request, reply) => {
      const snapshot = await findSnapshot(app.db, request.params.id);
      if (!snapshot) throw notFound(`Snapshot ${request.params.id}`, `ภาพ ${request.params.id}`);
      const data = await readFile(resolveInside(app.config.snapshotDir, snapshot.path));
      await auditSnapshotView(app.db, { user: request.user!, ...clientInfo(request) }, snapshot);
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, no-store')
        .header('x-content-sha256', snapshot.sha256)
        .send(data);
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/events/:id/notifications',
    {
      config: { roles: OPERATORS },
      schema: { tags: ['events'], params: IdParams, response: { 200: Type.Array(NotificationLogEntry), ...errors } },
    },
    async (request) => listNotifications(app.db, { eventId: request.params.id, limit: 200 }),
  );

  app.get(
    '/api/notifications',
    { config: { roles: OPERATORS }, schema: { tags: ['events'], response: { 200: Type.Array(NotificationLogEntry), ...errors } } },
    async () => listNotifications(app.db, { limit: 200 }),
  );

  app.get(
    '/api/notification-targets',
    { config: { roles: ADMINS }, schema: { tags: ['notifications'], response: { 200: Type.Array(NotificationTarget), ...errors } } },
    async () => listNotificationTargets(app.db),
  );

  app.post<{ Body: NotificationTargetInput }>(
    '/api/notification-targets',
    {
      config: { roles: ADMINS },
      schema: { tags: ['notifications'], body: NotificationTargetInput, response: { 201: NotificationTarget, ...errors } },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.channel === 'webhook') {
        // The workers check again when they connect (after DNS); this gives the admin the reason now.
        const checked = checkOutboundUrl(body.target, notifyAllowList);
        if (!checked.ok) {
          throw new HttpError(400, `Webhook target refused: ${checked.reason.en}`, `ไม่รับปลายทาง webhook: ${checked.reason.th}`);
        }
      }
      const target = await insertNotificationTarget(app.db, body);
      await insertAudit(app.db, {
        userId: request.user!.id,
        username: request.user!.username,
        action: 'notification-target.create',
        target: `notification-target:${target.id}`,
        detail: { channel: target.channel, audience: target.audience },
        ip: request.ip,
      });
      return reply.status(201).send(target);
    },
  );

  app.delete<{ Params: IdParams }>(
    '/api/notification-targets/:id',
    { config: { roles: ADMINS }, schema: { tags: ['notifications'], params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { id } = request.params;
      // Deleted and audited together: a removal that cannot be recorded does not happen.
      await withTransaction(app.db, async (tx) => {
        if (!(await deleteNotificationTarget(tx, id))) throw notFound(`Notification target ${id}`, `ผู้รับการแจ้งเตือน ${id}`);
        await insertAudit(tx, {
          userId: request.user!.id,
          username: request.user!.username,
          action: 'notification-target.delete',
          target: `notification-target:${id}`,
          ...clientInfo(request),
        });
      });
      return reply.status(204).send();
    },
  );
};

export default evidenceRoutes;
