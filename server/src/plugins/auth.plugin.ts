// Authentication (bearer token or session cookie) and the role check every /api route must declare.
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../lib/authorize';
import { userForToken } from '../services/auth.service';

export const SESSION_COOKIE = 'toc_session';

export function tokenFrom(request: Pick<FastifyRequest, 'headers' | 'cookies'>): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return request.cookies?.[SESSION_COOKIE] ?? null;
}

export default fp(async (app) => {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  // A route under /api without a role declaration is a programming error: refuse to start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && route.config?.roles === undefined) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its roles`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const roles = request.routeOptions.config?.roles;
    if (roles === undefined || roles === 'public') return;
    const token = tokenFrom(request);
    const user = token ? await userForToken(app.db, token, app.now()) : null;
    const refusal = authorize(roles, user);
    if (refusal) throw refusal;
    request.user = user;
    request.sessionToken = token;
  });
});
