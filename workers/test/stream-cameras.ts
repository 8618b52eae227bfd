// Medium-test cameras as a worker runs them: stored as the admin service stores them (credentials sealed), read back.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '@toc/server/db/pool';
import { insertCamera } from '@toc/server/repositories/cameras.repository';
import { sealCameraInput } from '@toc/server/services/cameras.service';
import { findStreamCamera, type StreamCamera } from '@toc/server/services/camera-streams.service';
import type { CameraCreate } from '@toc/server/schemas';

/** This test process's CAMERA_SECRET_KEY. */
export const TEST_CAMERA_KEY = randomBytes(32);

/** `key`: the server's own when the test's app must open the credentials too. */
export async function insertStreamCamera(db: Queryable, fields: CameraCreate, key: Buffer = TEST_CAMERA_KEY): Promise<StreamCamera> {
  const { rtspCredentials, ...rest } = fields;
  const camera = await insertCamera(db, { ...rest, ...sealCameraInput(key, fields.rtspUrl, rtspCredentials) });
  return (await findStreamCamera(db, camera.id, key))!;
}
