// The live state of every bus (from Redis, as the GPS worker last wrote it), for every signed-in role.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { BusState, ErrorReply } from '../../schemas';
import { readBusStates } from '../../realtime/bus-states';
import { ALL_ROLES } from '../../plugins/types';

const busRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/buses',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['gps'], response: { 200: Type.Array(BusState), 401: ErrorReply, 403: ErrorReply } },
    },
    async () => readBusStates(app.redis, app.config.queuePrefix),
  );
};

export default busRoutes;
