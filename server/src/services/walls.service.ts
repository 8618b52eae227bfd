// Video wall layouts: checked against the camera list, saved whole, and recorded in the audit log.
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { insertAudit } from '../repositories/audit.repository';
import * as walls from '../repositories/walls.repository';
import { HttpError, notFound } from '../lib/http-error';
import { isValidCycleSeconds, WALL_LIMITS, type User, type Wall, type WallInput } from '../schemas';

export interface WallContext {
  db: Pool;
  user: User;
  ip: string | null;
}

const wallNotFound = (id: number) => notFound(`Video wall ${id}`, `วอลล์แสดงภาพ ${id}`);

/** The audit keeps the shape of the layout, enough to tell what changed. */
const auditDetail = (input: WallInput) => ({
  name: input.name,
  rows: input.rows,
  cols: input.cols,
  cycleSeconds: input.cycleSeconds,
  groups: input.groups.map((g) => ({ name: g.name, cameras: g.cameraIds.length })),
});

/** What the schema cannot say clearly: the cycle period, and that every camera exists. */
async function checkLayout(db: Pool, input: WallInput): Promise<void> {
  if (!isValidCycleSeconds(input.cycleSeconds)) {
    const { minCycleSeconds: min, maxCycleSeconds: max } = WALL_LIMITS;
    throw new HttpError(
      400,
      `cycleSeconds must be 0 (no cycling) or from ${min} to ${max} seconds`,
      `วินาทีต่อกลุ่ม (cycleSeconds) ต้องเป็น 0 (ไม่สลับกลุ่ม) หรือ ${min} ถึง ${max} วินาที`,
    );
  }
  const unknown = await walls.findUnknownCameraIds(db, input.groups.flatMap((g) => g.cameraIds));
  if (unknown.length === 0) return;
  const list = unknown.join(', ');
  throw new HttpError(400, `Unknown camera ids: ${list}`, `ไม่พบกล้องหมายเลข ${list}`);
}

export async function getWall(db: Pool, id: number): Promise<Wall> {
  const wall = await walls.findWall(db, id);
  if (!wall) throw wallNotFound(id);
  return wall;
}

export async function createWall(ctx: WallContext, input: WallInput): Promise<Wall> {
  await checkLayout(ctx.db, input);
  const id = await withTransaction(ctx.db, async (tx) => {
    const created = await walls.insertWall(tx, input, ctx.user.id);
    await insertAudit(tx, { userId: ctx.user.id, username: ctx.user.username, action: 'wall.create', target: `wall:${created}`, detail: auditDetail(input), ip: ctx.ip });
    return created;
  });
  return getWall(ctx.db, id);
}

export async function replaceWall(ctx: WallContext, id: number, input: WallInput): Promise<Wall> {
  await checkLayout(ctx.db, input);
  await withTransaction(ctx.db, async (tx) => {
    if (!(await walls.updateWall(tx, id, input, ctx.user.id))) throw wallNotFound(id);
    await insertAudit(tx, { userId: ctx.user.id, username: ctx.user.username, action: 'wall.update', target: `wall:${id}`, detail: auditDetail(input), ip: ctx.ip });
  });
  return getWall(ctx.db, id);
}

export async function removeWall(ctx: WallContext, id: number): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await walls.deleteWall(tx, id))) throw wallNotFound(id);
    await insertAudit(tx, { userId: ctx.user.id, username: ctx.user.username, action: 'wall.delete', target: `wall:${id}`, detail: {}, ip: ctx.ip });
  });
}
