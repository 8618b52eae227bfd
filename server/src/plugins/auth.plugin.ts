// Authentication (bearer token or session cookie, the latter CSRF-checked on writes) and the role check every /api
// route must declare.
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../lib/authorize';
import { csrfRefusal, isUnsafeMethod } from '../lib/csrf';
import { HttpError } from '../lib/http-error';
import { userForToken } from '../services/auth.service';

export const SESSION_COOKIE = 'toc_session';

/** The session token and where it came from: a cookie is sent by the browser on its own, so it needs CSRF checks. */
export function credentialFrom(
  request: Pick<FastifyRequest, 'headers' | 'cookies'>,
): { token: string; viaCookie: boolean } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    return token ? { token, viaCookie: false } : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : null;
}

/** A temporary password (new user, admin reset, first admin) buys a session that can only replace it. */
const PASSWORD_CHANGE_REQUIRED = new HttpError(
  403,
  'You must change your temporary password before doing anything else (POST /api/me/password)',
  'กรุณาเปลี่ยนรหัสผ่านชั่วคราวก่อนใช้งานส่วนอื่นของระบบ',
);

export default fp(async (app) => {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  // A route under /api or /ogc without a role declaration is a programming error: refuse to start. Elsewhere
  // (health checks, the docs page and the web app's files, some added by plugins) a route is public: it says so, so
  // that every route in the table carries its roles.
  app.addHook('onRoute', (route) => {
    if (route.config?.roles !== undefined) return;
    if (/^\/(api|ogc)(\/|$)/.test(route.url))
      throw new Error(`Route ${route.method} ${route.url} does not declare its roles`);
    route.config = { ...route.config, roles: 'public' };
  });

  app.addHook('onRequest', async (request) => {
    const roles = request.routeOptions.config?.roles;
    if (roles === undefined || roles === 'public') return;
    const credential = credentialFrom(request);
    // Checked before the session is looked up: a forged cross-site write must not even count as session activity.
    if (credential?.viaCookie && isUnsafeMethod(request.method)) {
      const refusal = csrfRefusal(request.headers, app.config.allowedOrigins);
      if (refusal) throw refusal;
    }
    const token = credential?.token ?? null;
    const user = token ? await userForToken(app.db, token, app.now()) : null;
    const refusal = authorize(roles, user);
    if (refusal) throw refusal;
    if (user?.mustChangePassword && !request.routeOptions.config?.allowedBeforePasswordChange)
      throw PASSWORD_CHANGE_REQUIRED;
    request.user = user;
    request.sessionToken = token;
  });
});
