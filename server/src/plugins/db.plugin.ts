// PostgreSQL pool as `app.db`, migrated (camera credentials sealed) and given its reference places before the server takes requests.
import fp from 'fastify-plugin';
import { applyMigrations } from '../db/migrate';
import { createPool } from '../db/pool';
import { seedSubdistrictPlaces } from '../services/places.service';
import { resealUnderCurrentKey, sealStoredUserinfo } from '../services/cameras.service';

export default fp(async (app) => {
  const pool = createPool(app.config.databaseUrl, 10, {
    connectTimeoutMs: app.config.dbConnectTimeoutSeconds * 1000,
    queryTimeoutMs: app.config.dbQueryTimeoutSeconds * 1000,
  });
  const applied = await applyMigrations(pool);
  if (applied.length) app.log.info({ applied: applied.map((m) => m.name) }, 'migrations applied');
  const sealed = await sealStoredUserinfo(pool, app.cameraKeys.current);
  if (sealed) app.log.info({ cameras: sealed }, 'camera credentials moved out of their URLs and sealed');
  const { resealed, unopenable } = await resealUnderCurrentKey(pool, app.cameraKeys);
  if (resealed)
    app.log.info(
      { cameras: resealed },
      'camera credentials sealed again under the current CAMERA_SECRET_KEY',
    );
  if (unopenable.length) {
    app.log.error(
      { cameras: unopenable },
      'camera credentials open with no configured key: set CAMERA_SECRET_KEY_PREVIOUS or enter them again',
    );
  }
  // Elephant warnings need places; without the boundary file the server still runs and says why.
  await seedSubdistrictPlaces(pool, app.config.sharedDir)
    .then((added) => added && app.log.info({ added }, 'sub-district places loaded'))
    .catch((error: Error) => app.log.warn({ err: error.message }, 'sub-district places not loaded'));
  app.decorate('db', pool);
  app.addHook('onClose', async () => pool.end());
});
