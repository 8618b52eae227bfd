// Serves the built control-room web app (web/dist) with a single-page-app fallback.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export default fp(async (app) => {
  const root = app.config.webDistDir;
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built; run `npm run build -w @toc/web`');
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  // Client-side routes (e.g. /stop/12) get the app shell; unknown /api paths stay 404.
  app.get('/*', { config: { roles: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/socket.io')) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
});
