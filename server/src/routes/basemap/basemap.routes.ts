// GeoJSON layers of the offline basemap (no tiles from the internet are needed).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { BASEMAP_LAYERS, createBasemapSource, type BasemapLayer } from '../../services/basemap.service';
import { HttpError } from '../../lib/http-error';
import { ALL_ROLES } from '../../plugins/types';

const Params = Type.Object({ layer: Type.Enum(BASEMAP_LAYERS) });

const basemapRoutes: FastifyPluginAsync = async (app) => {
  const source = createBasemapSource(app.config.sharedDir);
  app.get<{ Params: { layer: BasemapLayer } }>(
    '/api/basemap/:layer',
    { config: { roles: ALL_ROLES }, schema: { tags: ['basemap'], params: Params } },
    async (request, reply) => {
      const collection = await source.get(request.params.layer).catch((error: Error) => {
        request.log.error({ err: error }, 'basemap data missing');
        // The error names the server's files: it goes to the log, not to the caller.
        throw new HttpError(503, 'Basemap data unavailable', 'ไม่พบข้อมูลแผนที่พื้นฐาน');
      });
      return reply.header('cache-control', 'private, max-age=3600').send(collection);
    },
  );
};

export default basemapRoutes;
