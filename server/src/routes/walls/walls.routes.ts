// Video walls: the control room reads them; operators and admins save layouts; admins delete walls.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, IdParams, Wall, WallInput } from '../../schemas';
import { listWalls } from '../../repositories/walls.repository';
import { createWall, getWall, removeWall, replaceWall } from '../../services/walls.service';
import { ADMINS, OPERATORS } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };
/** The same roles that may open the wall page (police and planners have their own tools). */
const WALL_READERS = ['admin', 'operator', 'viewer'] as const;

const wallRoutes: FastifyPluginAsync = async (app) => {
  const ctx = (request: FastifyRequest) => ({ db: app.db, user: request.user!, ip: request.ip });

  app.get(
    '/api/walls',
    { config: { roles: WALL_READERS }, schema: { tags: ['walls'], response: { 200: Type.Array(Wall), ...errors } } },
    async () => listWalls(app.db),
  );

  app.get<{ Params: IdParams }>(
    '/api/walls/:id',
    { config: { roles: WALL_READERS }, schema: { tags: ['walls'], params: IdParams, response: { 200: Wall, ...errors } } },
    async (request) => getWall(app.db, request.params.id),
  );

  app.post<{ Body: WallInput }>(
    '/api/walls',
    { config: { roles: OPERATORS }, schema: { tags: ['walls'], body: WallInput, response: { 201: Wall, ...errors } } },
    async (request, reply) => reply.status(201).send(await createWall(ctx(request), request.body)),
  );

  app.put<{ Params: IdParams; Body: WallInput }>(
    '/api/walls/:id',
    { config: { roles: OPERATORS }, schema: { tags: ['walls'], params: IdParams, body: WallInput, response: { 200: Wall, ...errors } } },
    async (request) => replaceWall(ctx(request), request.params.id, request.body),
  );

  app.delete<{ Params: IdParams }>(
    '/api/walls/:id',
    { config: { roles: ADMINS }, schema: { tags: ['walls'], params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await removeWall(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

export default wallRoutes;
