// Evidence holds: an admin puts a camera's past footage beyond retention's reach, or releases it; both audited, and
// checked first (a period that is over, a camera that exists, a hold not released twice).
import type pg from 'pg';
import { withTransaction } from '../db/transaction';
import { findCamera } from '../repositories/cameras.repository';
import { insertAudit } from '../repositories/audit.repository';
import {
  findEvidenceHold,
  insertEvidenceHold,
  releaseEvidenceHold,
} from '../repositories/evidence-holds.repository';
import { HttpError, notFound } from '../lib/http-error';
import type { EvidenceHold, EvidenceHoldInput, SessionUser } from '../schemas';
import type { ClientInfo } from './auth.service';

export interface HoldActionContext {
  db: pg.Pool;
  user: SessionUser;
  client: ClientInfo;
  now: Date;
}

/** A browser clock a little ahead of the server's may still hold "up to now". */
const CLOCK_SLACK_MS = 60_000;

function checkPeriod(input: EvidenceHoldInput, now: Date): void {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  if (!(from < to))
    throw new HttpError(
      400,
      'The hold must end ("to") after it starts ("from")',
      'เวลาสิ้นสุดของการระงับการลบต้องอยู่หลังเวลาเริ่ม',
    );
  if (to > now.getTime() + CLOCK_SLACK_MS) {
    throw new HttpError(
      400,
      'A hold covers recorded footage: "to" must not be in the future',
      'การระงับการลบใช้กับภาพที่บันทึกแล้วเท่านั้น เวลาสิ้นสุดต้องไม่อยู่ในอนาคต',
    );
  }
  if (input.expiresAt !== undefined && !(Date.parse(input.expiresAt) > now.getTime())) {
    throw new HttpError(
      400,
      '"expiresAt" must be in the future (omit it to hold until released)',
      'วันหมดอายุต้องอยู่ในอนาคต (เว้นว่างไว้หากต้องการระงับจนกว่าจะยกเลิก)',
    );
  }
}

export async function createEvidenceHold(
  ctx: HoldActionContext,
  input: EvidenceHoldInput,
): Promise<EvidenceHold> {
  checkPeriod(input, ctx.now);
  const id = await withTransaction(ctx.db, async (tx) => {
    if (!(await findCamera(tx, input.cameraId))) {
      throw new HttpError(400, `There is no camera ${input.cameraId}`, `ไม่มีกล้องหมายเลข ${input.cameraId}`);
    }
    // The hold, under the retention lock, and its audit row land together or not at all.
    const created = await insertEvidenceHold(tx, input, ctx.user.id);
    await insertAudit(tx, {
      userId: ctx.user.id,
      username: ctx.user.username,
      action: 'evidence-hold.create',
      target: `evidence-hold:${created}`,
      detail: {
        cameraId: input.cameraId,
        from: input.from,
        to: input.to,
        reason: input.reason,
        caseNumber: input.caseNumber ?? null,
        expiresAt: input.expiresAt ?? null,
      },
      ...ctx.client,
    });
    return created;
  });
  return (await findEvidenceHold(ctx.db, id))!;
}

export async function releaseHold(ctx: HoldActionContext, id: number, reason: string): Promise<EvidenceHold> {
  await withTransaction(ctx.db, async (tx) => {
    const hold = await findEvidenceHold(tx, id);
    if (!hold) throw notFound(`Evidence hold ${id}`, `การระงับการลบหมายเลข ${id}`);
    if (!(await releaseEvidenceHold(tx, { id, userId: ctx.user.id, reason, at: ctx.now }))) {
      throw new HttpError(
        409,
        `Evidence hold ${id} is already released`,
        `การระงับการลบหมายเลข ${id} ถูกยกเลิกไปแล้ว`,
      );
    }
    await insertAudit(tx, {
      userId: ctx.user.id,
      username: ctx.user.username,
      action: 'evidence-hold.release',
      target: `evidence-hold:${id}`,
      detail: { cameraId: hold.cameraId, from: hold.from, to: hold.to, caseNumber: hold.caseNumber, reason },
      ...ctx.client,
    });
  });
  return (await findEvidenceHold(ctx.db, id))!;
}
