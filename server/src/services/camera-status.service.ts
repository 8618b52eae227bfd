// Stores a camera's live status and pushes it to connected clients.
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import { setCameraStatus } from '../repositories/cameras.repository';
import { publishCameraStatus } from '../realtime/channels';
import type { CameraHealth, CameraState } from '../schemas';

export async function reportCameraStatus(
  ctx: { db: Queryable; redis: Redis },
  report: { cameraId: number; status: CameraState; reason: string | null; seenAt: Date | null; health?: CameraHealth },
): Promise<void> {
  const stored = await setCameraStatus(ctx.db, report.cameraId, report.status, report.reason, report.seenAt, report.health ?? null);
  if (!stored) return;
  await publishCameraStatus(ctx.redis, {
    cameraId: report.cameraId,
    status: report.status,
    reason: report.reason,
    ...(report.health ? { health: report.health } : {}),
    at: new Date().toISOString(),
  });
}
