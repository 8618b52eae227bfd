// Login, logout and the current user.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, LoginBody, LoginReply, SessionUser } from '../../schemas';
import { hashToken, login, LoginBlockedError, logout } from '../../services/auth.service';
import { loginThrottleConfig } from '../../services/login-throttle';
import { announceSessionEnded } from '../../services/session-end.service';
import { SESSION_COOKIE } from '../../plugins/auth.plugin';
import { ALL_ROLES } from '../../plugins/types';
import { clientInfo } from '../client-info';

const authRoutes: FastifyPluginAsync = async (app) => {
  const ctx = {
    db: app.db,
    redis: app.redis,
    sessionTtlHours: app.config.sessionTtlHours,
    sessionIdleMinutes: app.config.sessionIdleMinutes,
    throttle: loginThrottleConfig(app.config),
    now: app.now,
  };

  app.post<{ Body: LoginBody }>(
    '/api/auth/login',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['auth'],
        security: [],
        body: LoginBody,
        response: { 200: LoginReply, 401: ErrorReply, 429: ErrorReply },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body, clientInfo(request)).catch((error: unknown) => {
        if (error instanceof LoginBlockedError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        // Strict: the page shell is public and every API call comes from our own page, so a cross-site link or
        // form never needs the cookie.
        sameSite: 'strict',
        secure: app.config.cookieSecure,
        expires: new Date(result.expiresAt),
      });
      return result;
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { roles: ALL_ROLES, allowedBeforePasswordChange: true }, schema: { tags: ['auth'], response: { 204: Type.Null() } } },
    async (request, reply) => {
      await logout(app.db, request.sessionToken!, request.user!, clientInfo(request));
      // Sockets opened with this session (on any server) close now rather than streaming on.
      await announceSessionEnded(
        { redis: app.redis, channels: app.channels },
        hashToken(request.sessionToken!),
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      // Open while a temporary password awaits its change: the web app reads `mustChangePassword` here.
      config: { roles: ALL_ROLES, allowedBeforePasswordChange: true },
      schema: { tags: ['auth'], response: { 200: SessionUser, 401: ErrorReply } },
    },
    async (request) => request.user!,
  );
};

export default authRoutes;
