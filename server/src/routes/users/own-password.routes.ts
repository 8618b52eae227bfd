// Every signed-in user's own password change, also the one a temporary password forces before anything else.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, OwnPasswordBody } from '../../schemas';
import { hashToken, LoginBlockedError } from '../../services/auth.service';
import { loginThrottleConfig } from '../../services/login-throttle';
import { changeOwnPassword } from '../../services/own-password.service';
import { ALL_ROLES } from '../../plugins/types';
import { clientInfo } from '../client-info';

const ownPasswordRoutes: FastifyPluginAsync = async (app) => {
  const throttle = loginThrottleConfig(app.config);

  app.post<{ Body: OwnPasswordBody }>(
    '/api/me/password',
    {
      config: { roles: ALL_ROLES, allowedBeforePasswordChange: true },
      schema: {
        tags: ['auth'],
        description:
          'Replaces the signed-in user’s password (checked against the password policy); their other sessions end',
        body: OwnPasswordBody,
        response: { 204: Type.Null(), 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 429: ErrorReply },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        {
          db: app.db,
          redis: app.redis,
          channels: app.channels,
          throttle,
          now: app.now,
          user: request.user!,
          tokenHash: hashToken(request.sessionToken!),
          client: clientInfo(request),
        },
        request.body,
      ).catch((error: unknown) => {
        if (error instanceof LoginBlockedError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      });
      return reply.status(204).send();
    },
  );
};

export default ownPasswordRoutes;
