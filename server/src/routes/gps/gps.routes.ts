// GPS buses: device ingest, vehicles and devices administration, and the live bus list, sharing one ingest (its auth cache).
import type { FastifyPluginAsync } from 'fastify';
import { GpsIngest } from '../../services/gps-ingest.service';
import ingestRoutes from './ingest.routes';
import vehicleRoutes from './vehicles.routes';
import deviceRoutes from './devices.routes';
import busRoutes from './buses.routes';

const gpsRoutes: FastifyPluginAsync = async (app) => {
  const ingest = new GpsIngest({
    db: app.db,
    redis: app.redis,
    config: app.config,
    onError: (err) => app.log.warn({ err }, 'could not write GPS rejection counts'),
  });
  app.addHook('onClose', () => ingest.close());
  await app.register(ingestRoutes, { ingest });
  await app.register(deviceRoutes, { ingest });
  await app.register(vehicleRoutes);
  await app.register(busRoutes);
};

export default gpsRoutes;
