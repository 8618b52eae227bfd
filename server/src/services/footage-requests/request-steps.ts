// A request's step: its history row and audit row in the caller's transaction, and the announcement after commit.
import type { Queryable } from '../../db/pool';
import { insertAudit } from '../../repositories/audit.repository';
import { insertStep } from '../../repositories/footage-requests.repository';
import type { FootageRequestChange, FootageRequestStatus, SessionUser } from '../../schemas';
import type { Announcer } from '../../realtime/channels';
import type { ClientInfo } from '../auth.service';
import type { RequestJobs } from './request-context';

export interface StepRecord {
  requestId: number;
  reference: string;
  /** The state after the step (unchanged for a step such as choosing cameras). */
  status: FootageRequestStatus;
  /** Audit action, e.g. footage-request.approve. */
  action: string;
  note?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes the history row and the audit row; the caller's transaction makes them land with the change or not at all. */
export async function recordStep(
  tx: Queryable,
  who: { user: SessionUser | null; client: ClientInfo | null; at: Date },
  step: StepRecord,
): Promise<void> {
  await insertStep(tx, {
    requestId: step.requestId,
    status: step.status,
    at: who.at,
    userId: who.user?.id ?? null,
    note: step.note ?? null,
  });
  await insertAudit(tx, {
    userId: who.user?.id ?? null,
    username: who.user?.username ?? 'system',
    action: step.action,
    target: `footage-request:${step.requestId}`,
    detail: { reference: step.reference, status: step.status, ...(step.note ? { note: step.note } : {}), ...step.detail },
    ip: who.client?.ip ?? null,
    userAgent: who.client?.userAgent ?? null,
  });
}

/**
 * Tells staff and the request's station that it changed, only after the change is committed: the sockets always, and
 * for a step (not mere progress) the station's LINE/webhook channels through the notice queue.
 */
export async function announceChange(
  out: Announcer & { jobs: RequestJobs },
  change: FootageRequestChange,
  step?: { at: Date; note?: string | null },
): Promise<void> {
  await out.redis.publish(out.channels.footageRequests, JSON.stringify(change));
  if (step) {
    await out.jobs.notice({
      id: change.id,
      reference: change.reference,
      station: change.station,
      status: change.status,
      at: step.at.toISOString(),
      note: step.note ?? null,
    });
  }
}
