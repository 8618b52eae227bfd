// A camera's analytics scene: validated zones and lines, calibration checked before saving; workers follow changes live.
import type { Redis } from 'ioredis';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { calibrate } from '../geometry/calibration';
import { validateScene } from '../geometry/scene-validation';
import { findCamera } from '../repositories/cameras.repository';
import { insertAudit } from '../repositories/audit.repository';
import * as scenes from '../repositories/scene.repository';
import { publishCameraConfigChanged } from '../realtime/channels';
import type { ChannelNames } from '../realtime/channel-names';
import { HttpError, notFound } from '../lib/http-error';
import type { Calibration, CalibrationPair, CameraScene, CameraSceneInput, User } from '../schemas';

export interface SceneContext {
  db: Pool;
  redis: Redis;
  /** The deployment's Redis pub/sub channels. */
  channels: ChannelNames;
  user: User;
  ip: string | null;
}

async function requireCamera(db: Pool, cameraId: number): Promise<void> {
  if (!(await findCamera(db, cameraId))) throw notFound(`Camera ${cameraId}`, `กล้อง ${cameraId}`);
}

export async function getScene(db: Pool, cameraId: number): Promise<CameraScene> {
  await requireCamera(db, cameraId);
  const [zones, lines, calibration] = await Promise.all([
    scenes.listZones(db, cameraId),
    scenes.listLines(db, cameraId),
    scenes.findCalibration(db, cameraId),
  ]);
  return { cameraId, zones, lines, calibration };
}

export async function replaceScene(ctx: SceneContext, cameraId: number, input: CameraSceneInput): Promise<CameraScene> {
  await requireCamera(ctx.db, cameraId);
  const verdict = validateScene(input);
  if (!verdict.ok) {
    throw new HttpError(
      400,
      verdict.errors.map((e) => `${e.path}: ${e.reason}`).join('; '),
      verdict.errors.map((e) => `${e.path}: ${e.reasonTh}`).join('; '),
    );
  }
  await withTransaction(ctx.db, async (tx) => {
    await scenes.replaceZonesAndLines(tx, cameraId, input);
    await insertAudit(tx, {
      userId: ctx.user.id,
      username: ctx.user.username,
      action: 'camera.scene',
      target: `camera:${cameraId}`,
      detail: { zones: input.zones.length, lines: input.lines.length },
      ip: ctx.ip,
    });
  });
  await publishCameraConfigChanged(ctx, cameraId);
  return getScene(ctx.db, cameraId);
}

/** Fits the calibration without saving it, so the editor can show the reprojection error first. */
export function checkCalibration(cameraId: number, pairs: CalibrationPair[]): Omit<Calibration, 'updatedAt'> {
  const fit = calibrate(pairs);
  if (!fit.ok) throw new HttpError(400, fit.reason, fit.reasonTh);
  return { cameraId, pairs, homography: fit.homography, origin: fit.origin, error: fit.error };
}

export async function saveCalibration(ctx: SceneContext, cameraId: number, pairs: CalibrationPair[]): Promise<Calibration> {
  await requireCamera(ctx.db, cameraId);
  const calibration = checkCalibration(cameraId, pairs);
  await withTransaction(ctx.db, async (tx) => {
    await scenes.saveCalibration(tx, calibration, ctx.user.id);
    await insertAudit(tx, {
      userId: ctx.user.id,
      username: ctx.user.username,
      action: 'camera.calibration',
      target: `camera:${cameraId}`,
      detail: { pairs: pairs.length, meanErrorM: calibration.error.meanM, maxErrorM: calibration.error.maxM },
      ip: ctx.ip,
    });
  });
  await publishCameraConfigChanged(ctx, cameraId);
  return (await scenes.findCalibration(ctx.db, cameraId))!;
}

export async function removeCalibration(ctx: SceneContext, cameraId: number): Promise<void> {
  if (!(await scenes.deleteCalibration(ctx.db, cameraId))) {
    throw notFound(`Calibration of camera ${cameraId}`, `การปรับเทียบของกล้อง ${cameraId}`);
  }
  await insertAudit(ctx.db, {
    userId: ctx.user.id,
    username: ctx.user.username,
    action: 'camera.calibration.delete',
    target: `camera:${cameraId}`,
    detail: {},
    ip: ctx.ip,
  });
  await publishCameraConfigChanged(ctx, cameraId);
}
