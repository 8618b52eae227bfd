// Camera traps: registration with a one-time key, and still images checked, stored and queued for detection.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/pool';
import { insertAudit } from '../repositories/audit.repository';
import { findTrapWithKey, insertTrap, touchTrap } from '../repositories/traps.repository';
import { HttpError } from '../lib/http-error';
import { writeFileAtomic } from '../lib/atomic-file';
import type { Trap, TrapCreate, TrapCreated, User } from '../schemas';

const hashKey = (key: string) => createHash('sha256').update(key).digest();

export async function registerTrap(ctx: { db: Queryable; user: User; ip: string | null }, body: TrapCreate): Promise<TrapCreated> {
  const key = randomBytes(24).toString('base64url');
  const trap = await insertTrap(ctx.db, body, hashKey(key));
  await insertAudit(ctx.db, {
    userId: ctx.user.id,
    username: ctx.user.username,
    action: 'trap.create',
    target: `trap:${trap.id}`,
    detail: { name: trap.name },
    ip: ctx.ip,
  });
  return { trap, key };
}

const unauthorized = () => new HttpError(401, 'Unknown camera trap or wrong key', 'ไม่รู้จักกล้องดักถ่ายหรือรหัสไม่ถูกต้อง');

/** The same answer for an unknown trap and a wrong key, so ids cannot be probed. */
export async function authenticateTrap(db: Queryable, trapId: number, key: string | undefined): Promise<Trap> {
  const found = await findTrapWithKey(db, trapId);
  if (!found || !key) throw unauthorized();
  const given = hashKey(key);
  if (!timingSafeEqual(given, found.keyHash) || !found.trap.enabled) throw unauthorized();
  return found.trap;
}

export type ImageKind = 'jpeg' | 'png';

/** Trusts the bytes, not the Content-Type header. */
export function sniffImage(data: Buffer): ImageKind | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length > png.length && png.every((byte, i) => data[i] === byte)) return 'png';
  return null;
}

export async function storeTrapImage(
  ctx: { db: Queryable; snapshotDir: string },
  trap: Trap,
  data: Buffer,
  receivedAt: Date,
): Promise<string> {
  const kind = sniffImage(data);
  if (!kind) throw new HttpError(415, 'The upload is not a JPEG or PNG image', 'ไฟล์ที่ส่งมาไม่ใช่ภาพ JPEG หรือ PNG');
  const stamp = receivedAt.toISOString().replace(/[:.]/g, '-');
  const relative = `traps/${trap.id}/${stamp}-${randomBytes(4).toString('hex')}.${kind === 'jpeg' ? 'jpg' : 'png'}`;
  await writeFileAtomic(ctx.snapshotDir, relative, data);
  await touchTrap(ctx.db, trap.id, receivedAt);
  return relative;
}
