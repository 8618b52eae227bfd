// Filing a footage request: online by a police officer for their own station, or typed in by staff from a walk-in form
// (with the scanned paper form attached). Checked first, written with its first step and audit row, then announced.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withTransaction } from '../../db/transaction';
import { evidencePaths } from '../../evidence-config';
import { HttpError, notFound } from '../../lib/http-error';
import { findRequest, insertRequest, setForm } from '../../repositories/footage-requests.repository';
import { findUserById } from '../../repositories/users.repository';
import {
  MAX_REQUEST_WINDOW_H,
  type FootageRequestForm,
  type WalkInRequestForm,
} from '../../schemas';
import type { RequestContext } from './request-context';
import { announceChange, recordStep } from './request-steps';
import { mayAct } from './request-workflow';

/** A browser clock a little ahead of the server's may still ask for "up to now". */
const CLOCK_SLACK_MS = 5 * 60_000;
const BUDDHIST_ERA_OFFSET = 543;

const bangkokYear = (at: Date): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(at));

function checkWindow(form: FootageRequestForm, now: Date): void {
  const from = Date.parse(form.from);
  const to = Date.parse(form.to);
  if (!(from < to)) {
    throw new HttpError(400, 'The time window must end after it starts', 'ช่วงเวลาที่ขอต้องสิ้นสุดหลังเวลาเริ่มต้น');
  }
  if (to - from > MAX_REQUEST_WINDOW_H * 3600_000) {
    throw new HttpError(
      400,
      `A request covers at most ${MAX_REQUEST_WINDOW_H} hours; file one request per incident`,
      `ขอได้ไม่เกิน ${MAX_REQUEST_WINDOW_H} ชั่วโมงต่อคำขอ กรุณายื่นหนึ่งคำขอต่อหนึ่งเหตุการณ์`,
    );
  }
  if (from > now.getTime() + CLOCK_SLACK_MS) {
    throw new HttpError(400, 'The time window is in the future: nothing is recorded yet', 'ช่วงเวลาที่ขออยู่ในอนาคต ยังไม่มีภาพบันทึก');
  }
}

async function fileRequest(
  ctx: RequestContext,
  kind: 'online' | 'walk_in',
  form: FootageRequestForm,
  requesterId: number | null,
): Promise<number> {
  checkWindow(form, ctx.now);
  const id = await withTransaction(ctx.db, async (tx) => {
    const created = await insertRequest(tx, {
      kind,
      form,
      requesterId,
      enteredBy: ctx.user.id,
      beYear: bangkokYear(ctx.now) + BUDDHIST_ERA_OFFSET,
      at: ctx.now,
    });
    const stored = (await findRequest(tx, created))!;
    await recordStep(
      tx,
      { user: ctx.user, client: ctx.client, at: ctx.now },
      {
        requestId: created,
        reference: stored.reference,
        status: 'submitted',
        action: kind === 'online' ? 'footage-request.file' : 'footage-request.walk-in',
        detail: { caseNumber: stored.caseNumber, station: stored.station, from: stored.from, to: stored.to },
      },
    );
    return created;
  });
  const stored = (await findRequest(ctx.db, id))!;
  await announceChange(
    ctx,
    { id, reference: stored.reference, station: stored.station, status: 'submitted', exportProgress: null },
    { at: ctx.now },
  );
  return id;
}

/** A police officer files online, always for their own station. */
export async function fileOnlineRequest(ctx: RequestContext, form: FootageRequestForm): Promise<number> {
  if (ctx.user.role !== 'police' || !ctx.user.station) {
    throw new HttpError(403, 'Online requests are filed by police officers', 'คำขอออนไลน์ยื่นโดยเจ้าหน้าที่ตำรวจเท่านั้น');
  }
  if (form.station.trim() !== ctx.user.station) {
    throw new HttpError(
      400,
      `You file requests for your own station (${ctx.user.station})`,
      `ยื่นคำขอได้เฉพาะในนามสถานีที่สังกัด (${ctx.user.station})`,
    );
  }
  return fileRequest(ctx, 'online', form, ctx.user.id);
}

/** Staff type in a paper request brought to the counter; the officer's account, when given, must be of that station. */
export async function enterWalkInRequest(ctx: RequestContext, form: WalkInRequestForm): Promise<number> {
  const { requesterUserId, ...fields } = form;
  if (requesterUserId !== undefined) {
    const officer = await findUserById(ctx.db, requesterUserId);
    if (!officer || officer.role !== 'police' || officer.station !== fields.station.trim()) {
      throw new HttpError(
        400,
        `User ${requesterUserId} is not a police officer of ${fields.station.trim()}`,
        `ผู้ใช้หมายเลข ${requesterUserId} ไม่ใช่เจ้าหน้าที่ตำรวจของ ${fields.station.trim()}`,
      );
    }
  }
  return fileRequest(ctx, 'walk_in', fields, requesterUserId ?? null);
}

const FORM_TYPES: Record<string, { magic: number[]; extension: string }> = {
  'application/pdf': { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: 'pdf' }, // %PDF-
  'image/jpeg': { magic: [0xff, 0xd8, 0xff], extension: 'jpg' },
};

/** Attaches the scanned paper form of a walk-in request (PDF or JPEG, checked by its first bytes), once. */
export async function attachRequestForm(
  ctx: RequestContext,
  id: number,
  body: Buffer,
  mediaType: string,
): Promise<void> {
  const type = FORM_TYPES[mediaType];
  if (!type || body.length < type.magic.length || !type.magic.every((byte, i) => body[i] === byte)) {
    throw new HttpError(400, 'The form must be a PDF or JPEG file', 'แบบคำขอต้องเป็นไฟล์ PDF หรือ JPEG');
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const relative = path.join(String(id), `${sha256}.${type.extension}`);
  await withTransaction(ctx.db, async (tx) => {
    const request = await findRequest(tx, id, true);
    if (!request) throw notFound(`Footage request ${id}`, `คำขอหมายเลข ${id}`);
    if (request.kind !== 'walk_in') {
      throw new HttpError(400, 'Only a walk-in request has a paper form', 'แนบแบบคำขอได้เฉพาะคำขอที่ยื่นด้วยตนเอง');
    }
    if (request.hasForm) throw new HttpError(409, 'The form is already attached', 'แนบแบบคำขอไปแล้ว');
    const refusal = mayAct(ctx.user, request, 'review');
    if (refusal) throw new HttpError(refusal.statusCode, refusal.message, refusal.messageTh);
    // The file is in place before the row names it; a rollback leaves only an unnamed file.
    const file = path.join(evidencePaths(ctx.evidence).forms, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body, { mode: 0o600 });
    await setForm(tx, id, { path: relative, sha256, mediaType });
    await recordStep(
      tx,
      { user: ctx.user, client: ctx.client, at: ctx.now },
      {
        requestId: id,
        reference: request.reference,
        status: request.status,
        action: 'footage-request.form',
        detail: { sha256, bytes: body.length, mediaType },
      },
    );
  });
}
