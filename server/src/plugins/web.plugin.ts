// Serves the built web app (web/dist): the control room with a single-page-app fallback, and the public
// bus-stop sign page at /stop/<stopId>.
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
  // The smart bus-stop sign: public and read-only (its data comes from the public arrivals API and socket).
  if (existsSync(path.join(root, 'stop.html'))) {
    app.get(
      '/stop/:stopId',
      { config: { roles: 'public' }, schema: { hide: true } },
      async (_request, reply) => {
        // A sign keeps the page open for days: it must fetch the new bundle after an upgrade.
        return reply.header('cache-control', 'no-cache').sendFile('stop.html', { cacheControl: false });
      },
    );
  }
  // Client-side routes get the app shell; unknown /api and /ogc paths (the OGC API, read by GIS clients) stay 404.
  app.get('/*', { config: { roles: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (/^\/(api|ogc)(\/|\?|$)|^\/socket\.io/.test(request.url)) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
});
