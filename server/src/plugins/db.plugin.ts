// PostgreSQL pool as `app.db`, migrated before the server takes requests.
import fp from 'fastify-plugin';
import { applyMigrations } from '../db/migrate';
import { createPool } from '../db/pool';

export default fp(async (app) => {
  const pool = createPool(app.config.databaseUrl);
  const applied = await applyMigrations(pool);
  if (applied.length) app.log.info({ applied: applied.map((m) => m.name) }, 'migrations applied');
  app.decorate('db', pool);
  app.addHook('onClose', async () => pool.end());
});
