// Liveness (/healthz: the process answers) and readiness (/readyz: database and Redis reachable).
import type { FastifyPluginAsync } from 'fastify';

const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { config: { roles: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { roles: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const checks = await Promise.allSettled([app.db.query('SELECT 1'), app.redis.ping()]);
    // The reasons (addresses, socket paths) go to the log: this reply is public.
    for (const check of checks) if (check.status === 'rejected') app.log.warn({ err: check.reason }, 'not ready');
    const [db, redis] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'down'));
    const ready = db === 'ok' && redis === 'ok';
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', db, redis });
  });
};

export default healthRoutes;
