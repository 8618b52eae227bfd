// Camera administration: create, update, delete, with audit and a notice to the workers.
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import * as cameras from '../repositories/cameras.repository';
import { insertAudit } from '../repositories/audit.repository';
import { publishCameraConfigChanged } from '../realtime/channels';
import { notFound } from '../lib/http-error';
import type { Camera, CameraCreate, CameraUpdate, User } from '../schemas';

export interface CameraAdminContext {
  db: Queryable;
  redis: Redis;
  user: User;
  ip: string | null;
}

const audit = (ctx: CameraAdminContext, action: string, id: number, detail: Record<string, unknown>) =>
  insertAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action, target: `camera:${id}`, detail, ip: ctx.ip });

// The URL may carry credentials: the audit keeps only what was changed, never the URL itself.
const changedFields = (body: object) => Object.keys(body);

export async function createCamera(ctx: CameraAdminContext, body: CameraCreate): Promise<Camera> {
  const camera = await cameras.insertCamera(ctx.db, body);
  await audit(ctx, 'camera.create', camera.id, { fields: changedFields(body) });
  await publishCameraConfigChanged(ctx.redis, camera.id);
  return camera;
}

export async function updateCamera(ctx: CameraAdminContext, id: number, patch: CameraUpdate): Promise<Camera> {
  const camera = await cameras.updateCamera(ctx.db, id, patch);
  if (!camera) throw notFound(`Camera ${id}`, `กล้อง ${id}`);
  await audit(ctx, 'camera.update', id, { fields: changedFields(patch) });
  await publishCameraConfigChanged(ctx.redis, id);
  return camera;
}

export async function deleteCamera(ctx: CameraAdminContext, id: number): Promise<void> {
  if (!(await cameras.deleteCamera(ctx.db, id))) throw notFound(`Camera ${id}`, `กล้อง ${id}`);
  await audit(ctx, 'camera.delete', id, {});
  await publishCameraConfigChanged(ctx.redis, id);
}
