// Crowd zones for the map (GeoJSON), for every signed-in role.
import type { FastifyPluginAsync } from 'fastify';
import { CrowdZoneCollection, ErrorReply } from '../../schemas';
import { listCrowdZones } from '../../services/crowd-zones.service';
import { ALL_ROLES } from '../../plugins/types';

const crowdZoneRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/crowd-zones',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['counts'], response: { 200: CrowdZoneCollection, 401: ErrorReply, 403: ErrorReply } },
    },
    async () => listCrowdZones(app.db),
  );
};

export default crowdZoneRoutes;
