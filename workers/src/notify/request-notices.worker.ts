// Tells a police station's LINE/webhook channels of each step of its footage requests (filed, decided, ready, failed,
// closed), from the notice queue the steps feed; every delivery is logged against the request.
import { Worker } from 'bullmq';
import type { Queryable } from '@toc/server/db/pool';
import {
  insertRequestNotification,
  targetsForStation,
} from '@toc/server/repositories/notifications.repository';
import { QUEUES, type RequestNoticeJob } from '@toc/server/schemas';
import { STATUS_LABELS } from '@toc/server/services/footage-requests/request-workflow';
import { notifyGuard } from './channels-from-config';
import type { Notification } from './notification';
import { recipientFor, type NotifierContext } from '../outputs/notifier';

/** Steps worth a message to the station (progress and the requester's own edits are not). */
const TOLD: ReadonlySet<string> = new Set([
  'submitted',
  'approved',
  'rejected',
  'ready',
  'export_failed',
  'closed',
]);

export function requestNotice(job: RequestNoticeJob, publicUrl: string): Notification {
  const label = STATUS_LABELS[job.status];
  return {
    eventId: null,
    requestId: job.id,
    type: 'footage-request',
    severity: job.status === 'rejected' || job.status === 'export_failed' ? 'medium' : 'info',
    title: {
      th: `คำขอภาพ ${job.reference}: ${label.th}`,
      en: `Footage request ${job.reference}: ${label.en}`,
    },
    body: {
      th: job.note ? `${label.th} — ${job.note}` : `คำขอภาพ ${job.reference} ของ ${job.station} ${label.th}`,
      en: job.note
        ? `${label.en} — ${job.note}`
        : `Footage request ${job.reference} of ${job.station} is ${label.en}`,
    },
    location: null,
    url: `${publicUrl}/#/request/${job.id}`,
    at: job.at,
  };
}

export async function sendRequestNotice(
  ctx: NotifierContext & { db: Queryable },
  job: RequestNoticeJob,
): Promise<number> {
  if (!TOLD.has(job.status)) return 0;
  const notification = requestNotice(job, ctx.config.publicUrl);
  const guard = notifyGuard(ctx.config, ctx.lookup);
  let sent = 0;
  for (const target of await targetsForStation(ctx.db, job.station)) {
    const recipient = recipientFor(target, ctx.config, guard);
    if (recipient === null) continue;
    if ('refused' in recipient) {
      await insertRequestNotification(ctx.db, {
        requestId: job.id,
        channel: target.channel,
        audience: target.audience,
        target: recipient.label,
        ok: false,
        status: null,
        attempts: 0,
        error: recipient.refused,
      });
      continue;
    }
    const result = await recipient.channel.send(notification);
    await insertRequestNotification(ctx.db, {
      requestId: job.id,
      channel: recipient.channel.kind,
      audience: recipient.audience,
      target: recipient.label,
      ...result,
    });
    if (result.ok) sent += 1;
    else
      ctx.log('warn', 'request notice failed', {
        requestId: job.id,
        target: recipient.label,
        error: result.error,
      });
  }
  return sent;
}

export function startRequestNoticeWorker(
  ctx: NotifierContext,
  redis: { url: string; prefix: string },
): Worker<RequestNoticeJob> {
  return new Worker<RequestNoticeJob>(
    QUEUES.requestNotices,
    async (job) => sendRequestNotice(ctx, job.data),
    {
      connection: { url: redis.url, maxRetriesPerRequest: null },
      prefix: redis.prefix,
      concurrency: 2,
    },
  );
}
