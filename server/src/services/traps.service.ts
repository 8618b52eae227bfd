// Camera traps: registration with a one-time key, and still images decoded, stored and queued for detection.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/pool';
import { insertAudit } from '../repositories/audit.repository';
import { findTrapWithKey, insertTrap, replaceTrapKey, touchTrap, updateTrap } from '../repositories/traps.repository';
import { HttpError } from '../lib/http-error';
import { assertKnownModel } from '../lib/known-models';
import { writeFileAtomic } from '../lib/atomic-file';
import type { Trap, TrapCreate, TrapCreated, TrapUpdate, User } from '../schemas';
import { checkTrapImage } from './trap-image-check';

const hashKey = (key: string) => createHash('sha256').update(key).digest();

type TrapAdminContext = { db: Queryable; user: User; ip: string | null };

const newKey = () => randomBytes(24).toString('base64url');

async function audit(ctx: TrapAdminContext, action: string, trap: Trap, detail: Record<string, unknown> = {}) {
  await insertAudit(ctx.db, {
    userId: ctx.user.id,
    username: ctx.user.username,
    action,
    target: `trap:${trap.id}`,
    detail: { name: trap.name, ...detail },
    ip: ctx.ip,
  });
}

const trapNotFound = (id: number) => new HttpError(404, `No camera trap ${id}`, `ไม่พบกล้องดักถ่ายหมายเลข ${id}`);

export async function registerTrap(ctx: TrapAdminContext, body: TrapCreate): Promise<TrapCreated> {
  assertKnownModel(body.modelId);
  const key = newKey();
  const trap = await insertTrap(ctx.db, body, hashKey(key));
  await audit(ctx, 'trap.create', trap);
  return { trap, key };
}

/** Renames, moves, retires (`enabled: false`) or brings back a trap; audited. */
export async function changeTrap(ctx: TrapAdminContext, id: number, change: TrapUpdate): Promise<Trap> {
  const trap = await updateTrap(ctx.db, id, change);
  if (!trap) throw trapNotFound(id);
  await audit(ctx, 'trap.update', trap, { change });
  return trap;
}

/** A new key for a trap (shown only in this reply); the old one stops working at once. Audited. */
export async function rotateTrapKey(ctx: TrapAdminContext, id: number): Promise<TrapCreated> {
  const key = newKey();
  const trap = await replaceTrapKey(ctx.db, id, hashKey(key));
  if (!trap) throw trapNotFound(id);
  await audit(ctx, 'trap.rotate_key', trap);
  return { trap, key };
}

const unauthorized = () => new HttpError(401, 'Unknown camera trap or wrong key', 'ไม่รู้จักกล้องดักถ่ายหรือรหัสไม่ถูกต้อง');

/** The same answer for an unknown trap and a wrong key, so ids cannot be probed. */
export async function authenticateTrap(db: Queryable, trapId: number, key: string | undefined): Promise<Trap> {
  const found = await findTrapWithKey(db, trapId);
  if (!found || !key) throw unauthorized();
  const given = hashKey(key);
  if (!timingSafeEqual(given, found.keyHash)) throw unauthorized();
  // Only a caller holding the key learns that the trap is retired.
  if (!found.trap.enabled)
    throw new HttpError(403, 'This camera trap is retired; an administrator can enable it again', 'กล้องดักถ่ายนี้ถูกปิดใช้งานแล้ว ผู้ดูแลระบบสามารถเปิดใช้งานใหม่ได้');
  return found.trap;
}

export async function storeTrapImage(
  ctx: { db: Queryable; snapshotDir: string },
  trap: Trap,
  data: Buffer,
  receivedAt: Date,
): Promise<string> {
  const kind = await checkTrapImage(data);
  const stamp = receivedAt.toISOString().replace(/[:.]/g, '-');
  const relative = `traps/${trap.id}/${stamp}-${randomBytes(4).toString('hex')}.${kind === 'jpeg' ? 'jpg' : 'png'}`;
  await writeFileAtomic(ctx.snapshotDir, relative, data);
  await touchTrap(ctx.db, trap.id, receivedAt);
  return relative;
}
