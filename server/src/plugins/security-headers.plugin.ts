// Browser security headers on every reply (helmet: CSP, nosniff, referrer, framing, HSTS behind HTTPS), and no
// caching of API replies that do not choose their own.
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { Config } from '../config';

type CspDirectives = Record<string, string[]>;

/**
 * What the built web app needs and nothing more: its own scripts, styles and fonts; MapLibre's worker (emitted as a
 * file, `blob:` kept for MapLibre builds that inline it); images from data: (legend pictograms) and blob: (camera
 * frames in the setup page); fetch and socket.io to this origin ('self' covers same-origin ws/wss), plus the raster
 * tile hosts a deployment configures. No inline script, no eval, no plugins, and no page may frame ours: even the
 * public bus-stop sign is a full-screen page of its own, and nothing embeds it.
 */
export function contentSecurityPolicy(
  config: Pick<Config, 'mapTileOrigins' | 'cookieSecure'>,
): CspDirectives {
  const directives: CspDirectives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...config.mapTileOrigins],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...config.mapTileOrigins],
    'worker-src': ["'self'", 'blob:'],
    // Recorded footage plays through Media Source Extensions: the video element's source is a blob: URL.
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  // Only behind HTTPS: on plain http it would send every sub-request to an https port that is not there.
  if (config.cookieSecure) directives['upgrade-insecure-requests'] = [];
  return directives;
}

const API_PATH = /^\/api(\/|\?|$)/;
const DOCS_PATH = /^\/docs(\/|$)/;

export default fp(async (app) => {
  // Swagger UI at /docs writes a <style> element of its own: inline styles there only, never inline scripts.
  // Added before helmet, whose own onRoute hook reads `route.helmet`.
  const docsPolicy = { ...contentSecurityPolicy(app.config), 'style-src': ["'self'", "'unsafe-inline'"] };
  app.addHook('onRoute', (route) => {
    if (DOCS_PATH.test(route.url))
      route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: docsPolicy } };
  });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(app.config) },
    frameguard: { action: 'deny' },
    // The origin only (no path or query: case numbers, stop ids) and nothing over a downgrade; tile servers such
    // as OpenStreetMap's ask for a Referer, which `no-referrer` would withhold.
    referrerPolicy: { policy: 'strict-origin' },
    // COOKIE_SECURE=true says the deployment is served over HTTPS; HSTS on plain http would lock browsers out.
    // Sub-domains are left alone: the server cannot know what else runs under the municipality's domain.
    hsts: app.config.cookieSecure ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });

  // API replies carry sessions, footage metadata and personal data: no browser or proxy cache keeps them unless the
  // route says otherwise (basemap, GTFS-RT).
  app.addHook('onSend', async (request, reply, payload) => {
    if (API_PATH.test(request.url) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
});
