// Medium-test cameras as a worker runs them: stored as the admin service stores them (credentials sealed), read back.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '@toc/server/db/pool';
import { insertCamera } from '@toc/server/repositories/cameras.repository';
import { sealCameraInput } from '@toc/server/services/cameras.service';
import { findStreamCamera, type StreamCamera } from '@toc/server/services/camera-streams.service';
import type { CameraCreate } from '@toc/server/schemas';
import type { SecretKeyring } from '@toc/server/secrets/secret-box';

/** This test process's CAMERA_SECRET_KEY. */
export const TEST_CAMERA_KEYS: SecretKeyring = { current: randomBytes(32), previous: [] };

/** `keys`: the server's own when the test's app must open the credentials too. */
export async function insertStreamCamera(
  db: Queryable,
  fields: CameraCreate,
  keys: SecretKeyring = TEST_CAMERA_KEYS,
): Promise<StreamCamera> {
  const { rtspCredentials, ...rest } = fields;
  const camera = await insertCamera(db, { ...rest, ...sealCameraInput(keys.current, fields.rtspUrl, rtspCredentials) });
  return (await findStreamCamera(db, camera.id, keys))!;
}
