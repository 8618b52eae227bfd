// User administration (admins only): list, create, change role/name/station, disable and enable, reset a password.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorReply,
  IdParams,
  ManagedUser,
  NewUserBody,
  PasswordResetBody,
  TemporaryPasswordReply,
  UserChangeBody,
} from '../../schemas';
import { listManagedUsers } from '../../repositories/users.repository';
import {
  changeUser,
  createUser,
  disableManagedUser,
  enableManagedUser,
  resetPassword,
  type UserAdminContext,
} from '../../services/users.service';
import { ADMINS } from '../../plugins/types';
import { clientInfo } from '../client-info';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply };
const config = { roles: ADMINS };

const userRoutes: FastifyPluginAsync = async (app) => {
  const ctx = (request: FastifyRequest): UserAdminContext => ({
    db: app.db,
    redis: app.redis,
    channels: app.channels,
    actor: request.user!,
    client: clientInfo(request),
  });

  app.get(
    '/api/users',
    { config, schema: { tags: ['users'], response: { 200: Type.Array(ManagedUser), ...errors } } },
    async () => listManagedUsers(app.db),
  );

  app.post<{ Body: NewUserBody }>(
    '/api/users',
    {
      config,
      schema: {
        tags: ['users'],
        description:
          'Creates a user with a temporary password (given, or made by the server) that must be changed at first sign-in',
        body: NewUserBody,
        response: { 201: TemporaryPasswordReply, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(ctx(request), request.body)),
  );

  app.patch<{ Params: IdParams; Body: UserChangeBody }>(
    '/api/users/:id',
    {
      config,
      schema: {
        tags: ['users'],
        description:
          'Changes the display name, role, station or districts; a role change ends the user’s sessions',
        params: IdParams,
        body: UserChangeBody,
        response: { 200: ManagedUser, ...errors },
      },
    },
    async (request) => changeUser(ctx(request), request.params.id, request.body),
  );

  app.post<{ Params: IdParams }>(
    '/api/users/:id/disable',
    {
      config,
      schema: {
        tags: ['users'],
        description: 'No more sign-ins; the user’s sessions and sockets end at once on every server',
        params: IdParams,
        response: { 200: ManagedUser, ...errors },
      },
    },
    async (request) => disableManagedUser(ctx(request), request.params.id),
  );

  app.post<{ Params: IdParams }>(
    '/api/users/:id/enable',
    { config, schema: { tags: ['users'], params: IdParams, response: { 200: ManagedUser, ...errors } } },
    async (request) => enableManagedUser(ctx(request), request.params.id),
  );

  app.post<{ Params: IdParams; Body: PasswordResetBody }>(
    '/api/users/:id/password',
    {
      config,
      schema: {
        tags: ['users'],
        description:
          'Sets a temporary password (given, or made by the server when the body is {}), to be changed at the next sign-in; the user’s sessions end',
        params: IdParams,
        body: PasswordResetBody,
        response: { 200: TemporaryPasswordReply, ...errors },
      },
    },
    async (request) => resetPassword(ctx(request), request.params.id, request.body ?? {}),
  );
};

export default userRoutes;
