// Camera administration: create, update, delete, with credentials sealed, audit and a notice to the workers.
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import * as cameras from '../repositories/cameras.repository';
import { insertAudit } from '../repositories/audit.repository';
import { publishCameraConfigChanged } from '../realtime/channels';
import type { ChannelNames } from '../realtime/channel-names';
import { HttpError, notFound } from '../lib/http-error';
import { assertKnownModel } from '../lib/known-models';
import { splitUserinfo, userinfoOf, type Userinfo } from '../lib/rtsp-userinfo';
import { openWithKeyring, sealSecret, SecretOpenError, type SecretKeyring } from '../secrets/secret-box';
import type { Camera, CameraCreate, CameraUpdate, RtspCredentials, User } from '../schemas';
import { CAMERA_CREDENTIALS_PURPOSE } from './camera-streams.service';

export interface CameraAdminContext {
  db: Queryable;
  redis: Redis;
  /** The deployment's Redis pub/sub channels. */
  channels: ChannelNames;
  user: User;
  ip: string | null;
  /** Seals camera credentials at rest (CAMERA_SECRET_KEY). */
  secretKey: Buffer;
}

const audit = (ctx: CameraAdminContext, action: string, id: number, detail: Record<string, unknown>) =>
  insertAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action, target: `camera:${id}`, detail, ip: ctx.ip });

// The audit keeps only the names of what changed, never a URL or a credential.
const changedFields = (body: object) => Object.keys(body);

const TWO_CREDENTIALS = new HttpError(
  400,
  'Give the credentials either in rtspUrl (user:pass@) or in rtspCredentials, not both',
  'ใส่ชื่อผู้ใช้และรหัสผ่านของกล้องใน rtspUrl หรือใน rtspCredentials อย่างใดอย่างหนึ่งเท่านั้น',
);

/**
 * What to store from a create or update body: the URL without userinfo, and the credentials (from the URL or the
 * fields) sealed. Each is left out when the input does not name it; `sealedCredentials: null` removes them.
 */
export function sealCameraInput(
  secretKey: Buffer,
  rtspUrl: string | undefined,
  fields: RtspCredentials | null | undefined,
): { rtspUrl?: string; sealedCredentials?: Buffer | null } {
  const split = rtspUrl === undefined ? { url: undefined, userinfo: null } : splitUserinfo(rtspUrl);
  if (split.userinfo !== null && fields !== undefined) throw TWO_CREDENTIALS;
  const userinfo: Userinfo | null | undefined = split.userinfo ?? (fields === undefined ? undefined : fields && userinfoOf(fields));
  return {
    ...(split.url === undefined ? {} : { rtspUrl: split.url }),
    ...(userinfo === undefined
      ? {}
      : { sealedCredentials: userinfo === null ? null : sealSecret(secretKey, userinfo, CAMERA_CREDENTIALS_PURPOSE) }),
  };
}

export async function createCamera(ctx: CameraAdminContext, body: CameraCreate): Promise<Camera> {
  assertKnownModel(body.modelId);
  const { rtspCredentials, ...fields } = body;
  const camera = await cameras.insertCamera(ctx.db, { ...fields, ...sealCameraInput(ctx.secretKey, body.rtspUrl, rtspCredentials) });
  await audit(ctx, 'camera.create', camera.id, { fields: changedFields(body) });
  await publishCameraConfigChanged(ctx, camera.id);
  return camera;
}

export async function updateCamera(ctx: CameraAdminContext, id: number, patch: CameraUpdate): Promise<Camera> {
  assertKnownModel(patch.modelId);
  const { rtspCredentials, rtspUrl, ...fields } = patch;
  const camera = await cameras.updateCamera(ctx.db, id, { ...fields, ...sealCameraInput(ctx.secretKey, rtspUrl, rtspCredentials) });
  if (!camera) throw notFound(`Camera ${id}`, `กล้อง ${id}`);
  await audit(ctx, 'camera.update', id, { fields: changedFields(patch) });
  await publishCameraConfigChanged(ctx, id);
  return camera;
}

export async function deleteCamera(ctx: CameraAdminContext, id: number): Promise<void> {
  if (!(await cameras.deleteCamera(ctx.db, id))) throw notFound(`Camera ${id}`, `กล้อง ${id}`);
  await audit(ctx, 'camera.delete', id, {});
  await publishCameraConfigChanged(ctx, id);
}

/** Seals the `user:pass@` of URLs stored before migration 010; returns how many cameras it moved. */
export async function sealStoredUserinfo(db: Queryable, secretKey: Buffer): Promise<number> {
  const legacy = await cameras.listCamerasWithUserinfo(db);
  for (const camera of legacy) {
    const { url, userinfo } = splitUserinfo(camera.rtspUrl);
    await cameras.storeSealedUserinfo(db, camera.id, url, sealSecret(secretKey, userinfo ?? '', CAMERA_CREDENTIALS_PURPOSE));
  }
  return legacy.length;
}

/**
 * After a key rotation: seals again under the current key every camera's credentials that open only with a previous
 * one. Returns how many it sealed again and the cameras whose credentials open with no configured key.
 */
export async function resealUnderCurrentKey(db: Queryable, keys: SecretKeyring): Promise<{ resealed: number; unopenable: number[] }> {
  let resealed = 0;
  const unopenable: number[] = [];
  for (const { id, sealed } of await cameras.listSealedCredentials(db)) {
    let opened;
    try {
      opened = openWithKeyring(keys, sealed, CAMERA_CREDENTIALS_PURPOSE);
    } catch (error) {
      if (!(error instanceof SecretOpenError)) throw error;
      unopenable.push(id);
      continue;
    }
    if (opened.underCurrentKey) continue;
    const fresh = sealSecret(keys.current, opened.plaintext, CAMERA_CREDENTIALS_PURPOSE);
    if (await cameras.replaceSealedCredentials(db, id, sealed, fresh)) resealed++;
  }
  return { resealed, unopenable };
}
