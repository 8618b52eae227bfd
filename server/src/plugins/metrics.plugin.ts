// Prometheus metrics: process defaults and request durations, at /api/metrics for admins.
import fp from 'fastify-plugin';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ADMINS } from './types';

export default fp(async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'toc_server_' });
  const duration = new Histogram({
    name: 'toc_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/api/metrics', { config: { roles: ADMINS }, schema: { tags: ['ops'], summary: 'Prometheus metrics (text exposition format)' } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
});
