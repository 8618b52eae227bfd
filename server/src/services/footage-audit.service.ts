// Audit rows for every view of footage (PDPA): a live video start per camera, a still picture, a snapshot image.
import type { Queryable } from '../db/pool';
import { insertAudit, insertAuditForTargets } from '../repositories/audit.repository';
import type { User } from '../schemas';

export interface Viewer {
  user: User;
  ip: string | null;
  userAgent: string | null;
}

const who = (viewer: Viewer) => ({
  userId: viewer.user.id,
  username: viewer.user.username,
  ip: viewer.ip,
  userAgent: viewer.userAgent,
});

/** One row per camera whose live video this viewer starts watching (not per frame: a start is what the log needs). */
export async function auditLiveViews(
  db: Queryable,
  viewer: Viewer,
  cameraIds: readonly number[],
  detail: Record<string, unknown>,
): Promise<void> {
  await insertAuditForTargets(
    db,
    { ...who(viewer), action: 'camera.live.view', detail },
    cameraIds.map((id) => `camera:${id}`),
  );
}

export async function auditStillView(db: Queryable, viewer: Viewer, cameraId: number): Promise<void> {
  await insertAudit(db, { ...who(viewer), action: 'camera.still.view', target: `camera:${cameraId}` });
}

export async function auditSnapshotView(
  db: Queryable,
  viewer: Viewer,
  snapshot: { id: number; eventId: number },
): Promise<void> {
  await insertAudit(db, {
    ...who(viewer),
    action: 'snapshot.view',
    target: `snapshot:${snapshot.id}`,
    detail: { eventId: snapshot.eventId },
  });
}
