// The URL ffmpeg opens for a camera, with its sealed credentials joined back in: for workers and the still grab only.
import type { Queryable } from '../db/pool';
import { findCameraStreamRecord, listCameraStreamRecords, type CameraStreamRecord } from '../repositories/cameras.repository';
import { joinUserinfo, secretsOfUserinfo, splitUserinfo } from '../lib/rtsp-userinfo';
import { openWithKeyring, SecretOpenError, type SecretKeyring } from '../secrets/secret-box';
import type { Camera } from '../schemas';

export const CAMERA_CREDENTIALS_PURPOSE = 'camera-credentials';

/** A camera as a worker runs it. Never serialised to a client: `streamUrl` may carry the password. */
export interface StreamCamera extends Camera {
  streamUrl: string;
  /** The user and password in every form ffmpeg may print them, for `redactCredentials`. */
  streamSecrets: string[];
  /** Why the credentials could not be opened (the key changed): the camera cannot be started. */
  credentialsError: string | null;
}

export function toStreamCamera(record: CameraStreamRecord, keys: SecretKeyring): StreamCamera {
  // A URL still carrying userinfo (stored before sealing) works as it is until the server seals it.
  const legacy = splitUserinfo(record.storedUrl);
  let userinfo = legacy.userinfo;
  let credentialsError: string | null = null;
  if (record.sealedCredentials) {
    try {
      userinfo = openWithKeyring(keys, record.sealedCredentials, CAMERA_CREDENTIALS_PURPOSE).plaintext;
    } catch (error) {
      if (!(error instanceof SecretOpenError)) throw error;
      credentialsError = 'stored camera credentials do not open with CAMERA_SECRET_KEY (was the key changed?)';
    }
  }
  return {
    ...record.camera,
    streamUrl: joinUserinfo(legacy.url, credentialsError ? null : userinfo),
    streamSecrets: secretsOfUserinfo(userinfo),
    credentialsError,
  };
}

export async function listStreamCameras(db: Queryable, keys: SecretKeyring): Promise<StreamCamera[]> {
  return (await listCameraStreamRecords(db)).map((record) => toStreamCamera(record, keys));
}

export async function findStreamCamera(db: Queryable, id: number, keys: SecretKeyring): Promise<StreamCamera | null> {
  const record = await findCameraStreamRecord(db, id);
  return record ? toStreamCamera(record, keys) : null;
}
