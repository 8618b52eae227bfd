// Stores a camera's live status and pushes it to connected clients.
import type { Queryable } from '../db/pool';
import { setCameraStatus } from '../repositories/cameras.repository';
import { publishCameraStatus, type Announcer } from '../realtime/channels';
import type { CameraHealth, CameraState } from '../schemas';
import { redactCredentials } from '../lib/redact-credentials';

export async function reportCameraStatus(
  ctx: { db: Queryable } & Announcer,
  report: { cameraId: number; status: CameraState; reason: string | null; seenAt: Date | null; health?: CameraHealth },
): Promise<void> {
  // Workers redact with the camera's own secrets; this catches any `user:pass@` URL they missed.
  const reason = report.reason === null ? null : redactCredentials(report.reason);
  const stored = await setCameraStatus(ctx.db, report.cameraId, report.status, reason, report.seenAt, report.health ?? null);
  if (!stored) return;
  await publishCameraStatus(ctx, {
    cameraId: report.cameraId,
    status: report.status,
    reason,
    ...(report.health ? { health: report.health } : {}),
    at: new Date().toISOString(),
  });
}
