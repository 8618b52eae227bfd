// Audit rows for every view of footage (PDPA): a live video start per camera, a still picture, a snapshot image,
// a playback of recorded footage and a still from it.
import type { Redis } from 'ioredis';
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

/**
 * One row per playlist: who watched which camera over which period. The playlist is the view; the segment files it
 * names are not audited one by one.
 */
/** A player reloads a growing playlist every few seconds: the same view by the same user is one row per this. */
const PLAYBACK_VIEW_S = 600;

/**
 * One row per view of a camera's recording over a period. Reloads of the same playlist by the same user (hls.js
 * polls a playlist that is still growing) within PLAYBACK_VIEW_S are that same view, not new ones.
 */
export async function auditRecordingPlayback(
  db: Queryable,
  redis: Redis,
  keyPrefix: string,
  viewer: Viewer,
  cameraId: number,
  period: { from: Date; to: Date },
): Promise<void> {
  const key = `${keyPrefix}:audit:playback:${viewer.user.id}:${cameraId}:${period.from.getTime()}:${period.to.getTime()}`;
  if ((await redis.set(key, '1', 'EX', PLAYBACK_VIEW_S, 'NX')) !== 'OK') return;
  await insertAudit(db, {
    ...who(viewer),
    action: 'recording.playback',
    target: `camera:${cameraId}`,
    detail: { from: period.from.toISOString(), to: period.to.toISOString() },
  });
}

export async function auditRecordingStill(
  db: Queryable,
  viewer: Viewer,
  cameraId: number,
  still: { at: Date; segmentId: number },
): Promise<void> {
  await insertAudit(db, {
    ...who(viewer),
    action: 'recording.still.view',
    target: `camera:${cameraId}`,
    detail: { at: still.at.toISOString(), segmentId: still.segmentId },
  });
}
