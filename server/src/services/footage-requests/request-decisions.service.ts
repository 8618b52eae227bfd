// The steps people take on a request after filing: review, pick cameras, approve (placing the evidence holds and
// queueing the export) or reject, retry a failed export, close (releasing the holds). Each checked, audited, announced.
import type { PoolClient } from 'pg';
import { withTransaction } from '../../db/transaction';
import { HttpError, notFound } from '../../lib/http-error';
import { findCamera } from '../../repositories/cameras.repository';
import { insertEvidenceHold, releaseRequestHolds } from '../../repositories/evidence-holds.repository';
import {
  findRequest,
  listRequestCameras,
  replaceCameras,
  setStatus,
  type StoredRequest,
} from '../../repositories/footage-requests.repository';
import type { FootageRequestStatus, RequestCamerasInput, RequestDecision } from '../../schemas';
import type { RequestContext } from './request-context';
import { announceChange, recordStep } from './request-steps';
import { mayAct, nextStatus, type RequestAction } from './request-workflow';

const refuse = (refusal: { statusCode: number; message: string; messageTh: string }) =>
  new HttpError(refusal.statusCode, refusal.message, refusal.messageTh);

/** Locks the request, checks the caller may take the action from its state, and gives the state it leads to. */
async function begin(
  tx: PoolClient,
  ctx: RequestContext,
  id: number,
  action: RequestAction,
): Promise<{ request: StoredRequest; next: FootageRequestStatus }> {
  const request = await findRequest(tx, id, true);
  if (!request) throw notFound(`Footage request ${id}`, `คำขอหมายเลข ${id}`);
  const refusal = mayAct(ctx.user, request, action);
  if (refusal) throw refuse(refusal);
  const next = nextStatus(request.status, action);
  if (typeof next !== 'string') throw refuse(next);
  return { request, next };
}

const who = (ctx: RequestContext) => ({ user: ctx.user, client: ctx.client, at: ctx.now });

async function announce(
  ctx: RequestContext,
  request: StoredRequest,
  status: FootageRequestStatus,
  note: string | null = null,
): Promise<void> {
  await announceChange(
    ctx,
    { id: request.id, reference: request.reference, station: request.station, status, exportProgress: null },
    { at: ctx.now, note },
  );
}

/** Staff take a submitted request into review. */
export async function reviewRequest(ctx: RequestContext, id: number): Promise<void> {
  const request = await withTransaction(ctx.db, async (tx) => {
    const { request, next } = await begin(tx, ctx, id, 'review');
    await setStatus(tx, id, next, ctx.now);
    await recordStep(tx, who(ctx), { requestId: id, reference: request.reference, status: next, action: 'footage-request.review' });
    return request;
  });
  await announce(ctx, request, 'in_review');
}

/** The requester or a reviewer picks the cameras, each window inside the request's (trimmed, never widened). */
export async function chooseCameras(ctx: RequestContext, id: number, input: RequestCamerasInput): Promise<void> {
  const ids = input.cameras.map((c) => c.cameraId);
  if (new Set(ids).size !== ids.length) {
    throw new HttpError(400, 'A camera is listed twice', 'มีกล้องที่ระบุซ้ำ');
  }
  const request = await withTransaction(ctx.db, async (tx) => {
    const { request, next } = await begin(tx, ctx, id, 'choose-cameras');
    const from = Date.parse(request.from);
    const to = Date.parse(request.to);
    for (const camera of input.cameras) {
      if (!(await findCamera(tx, camera.cameraId))) {
        throw new HttpError(400, `There is no camera ${camera.cameraId}`, `ไม่มีกล้องหมายเลข ${camera.cameraId}`);
      }
      const cFrom = Date.parse(camera.from);
      const cTo = Date.parse(camera.to);
      if (!(cFrom < cTo) || cFrom < from || cTo > to) {
        throw new HttpError(
          400,
          `Camera ${camera.cameraId}: the window must lie inside the request's (${request.from} – ${request.to})`,
          `กล้อง ${camera.cameraId}: ช่วงเวลาต้องอยู่ภายในช่วงเวลาของคำขอ (${request.from} – ${request.to})`,
        );
      }
    }
    await replaceCameras(tx, id, input.cameras, ctx.user.id);
    // Staff picking cameras have started the review.
    const status = ctx.user.role === 'police' || request.status !== 'submitted' ? next : 'in_review';
    if (status !== request.status) await setStatus(tx, id, status, ctx.now);
    await recordStep(tx, who(ctx), {
      requestId: id,
      reference: request.reference,
      status,
      action: 'footage-request.cameras',
      detail: { cameras: input.cameras },
    });
    return { ...request, status };
  });
  await announce(ctx, request, request.status);
}

/** Approve (holds placed on each chosen camera's window, export queued) or reject with the reason. */
export async function decideRequest(ctx: RequestContext, id: number, decision: RequestDecision): Promise<void> {
  const action = decision.decision === 'approve' ? 'approve' : 'reject';
  if (decision.decision === 'approve' && decision.holdExpiresAt !== undefined && !(Date.parse(decision.holdExpiresAt) > ctx.now.getTime())) {
    throw new HttpError(400, 'The hold must expire in the future (omit it to hold until the case is closed)', 'วันหมดอายุการระงับการลบต้องอยู่ในอนาคต (เว้นว่างไว้หากต้องการระงับจนกว่าจะปิดเรื่อง)');
  }
  const request = await withTransaction(ctx.db, async (tx) => {
    const { request, next } = await begin(tx, ctx, id, action);
    const holds: number[] = [];
    if (decision.decision === 'approve') {
      const cameras = await listRequestCameras(tx, id);
      if (!cameras.length) {
        throw new HttpError(409, 'Pick the cameras before approving', 'กรุณาเลือกกล้องก่อนอนุมัติ');
      }
      for (const camera of cameras) {
        holds.push(
          await insertEvidenceHold(
            tx,
            {
              cameraId: camera.cameraId,
              from: camera.from,
              to: camera.to,
              reason: `Footage request ${request.reference} (case ${request.caseNumber}, ${request.station})`,
              caseNumber: request.caseNumber,
              ...(decision.holdExpiresAt ? { expiresAt: decision.holdExpiresAt } : {}),
            },
            ctx.user.id,
            id,
          ),
        );
      }
    }
    await setStatus(tx, id, next, ctx.now, {
      decidedBy: ctx.user.id,
      decisionNote: decision.note ?? null,
      holdExpiresAt: decision.decision === 'approve' ? (decision.holdExpiresAt ?? null) : null,
    });
    await recordStep(tx, who(ctx), {
      requestId: id,
      reference: request.reference,
      status: next,
      action: `footage-request.${action}`,
      note: decision.note ?? null,
      detail: holds.length ? { evidenceHolds: holds } : {},
    });
    return { ...request, status: next };
  });
  await announce(ctx, request, request.status, decision.note ?? null);
  if (request.status === 'approved') await ctx.jobs.exportRequest(id);
}

/** Staff send a failed export round again. */
export async function retryExport(ctx: RequestContext, id: number): Promise<void> {
  const request = await withTransaction(ctx.db, async (tx) => {
    const { request, next } = await begin(tx, ctx, id, 'retry-export');
    await setStatus(tx, id, next, ctx.now);
    await recordStep(tx, who(ctx), { requestId: id, reference: request.reference, status: next, action: 'footage-request.retry-export' });
    return { ...request, status: next };
  });
  await announce(ctx, request, request.status);
  await ctx.jobs.exportRequest(id);
}

/** An admin closes the case: the request's evidence holds are released with the same reason. */
export async function closeRequest(ctx: RequestContext, id: number, reason: string): Promise<void> {
  const request = await withTransaction(ctx.db, async (tx) => {
    const { request, next } = await begin(tx, ctx, id, 'close');
    const released = await releaseRequestHolds(tx, { requestId: id, userId: ctx.user.id, reason, at: ctx.now });
    await setStatus(tx, id, next, ctx.now);
    await recordStep(tx, who(ctx), {
      requestId: id,
      reference: request.reference,
      status: next,
      action: 'footage-request.close',
      note: reason,
      detail: { releasedHolds: released },
    });
    return { ...request, status: next };
  });
  await announce(ctx, request, request.status);
}
