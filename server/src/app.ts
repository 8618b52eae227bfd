// Builds the fastify application: plugins in order (route table, config, errors, security headers, db, redis, auth,
// content types, input guard, socket.io, docs, metrics), then routes.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { redactUrlSecrets } from './lib/redact-credentials';
import type { Config } from './config';
import { parseSecretKeyring } from './secrets/secret-box';
import { channelNames } from './realtime/channel-names';
import './plugins/types';
import { requestValidatorFactory } from './lib/request-validators';
import routeTablePlugin from './plugins/route-table.plugin';
import errorsPlugin from './plugins/errors.plugin';
import securityHeadersPlugin from './plugins/security-headers.plugin';
import dbPlugin from './plugins/db.plugin';
import redisPlugin from './plugins/redis.plugin';
import authPlugin from './plugins/auth.plugin';
import contentTypesPlugin from './plugins/content-types.plugin';
import inputGuardPlugin from './plugins/input-guard.plugin';
import socketPlugin from './realtime/socket.plugin';
import docsPlugin from './plugins/docs.plugin';
import metricsPlugin from './plugins/metrics.plugin';
import webPlugin from './plugins/web.plugin';
import healthRoutes from './routes/health/health.routes';
import authRoutes from './routes/auth/auth.routes';
import cameraRoutes from './routes/cameras/cameras.routes';
import eventRoutes from './routes/events/events.routes';
import basemapRoutes from './routes/basemap/basemap.routes';
import sceneRoutes from './routes/scene/scene.routes';
import trapRoutes from './routes/traps/traps.routes';
import placeRoutes from './routes/places/places.routes';
import evidenceRoutes from './routes/evidence/evidence.routes';
import escalationRoutes from './routes/escalations/escalations.routes';
import elephantRoutes from './routes/elephants/elephants.routes';
import wallRoutes from './routes/walls/walls.routes';
import crowdZoneRoutes from './routes/crowd-zones/crowd-zones.routes';
import transitFeedRoutes from './routes/transit/transit-feeds.routes';
import crashImportRoutes from './routes/crashes/crash-imports.routes';
import crashRankingRoutes from './routes/crashes/crash-rankings.routes';
import crashMapRoutes from './routes/crashes/crash-maps.routes';
import crashesLiveRoutes from './routes/crashes/crashes-live.routes';
import ogcAnalysisRoutes from './routes/ogc/ogc-analyses.routes';
import ogcFeatureRoutes from './routes/ogc/ogc-features.routes';
import crashBeforeAfterRoutes from './routes/crashes/crash-before-after.routes';
import areasRoutes from './routes/crashes/areas.routes';
import crashHotspotRoutes from './routes/crashes/crash-hotspots.routes';
import crashExportRoutes from './routes/crashes/crash-export.routes';
import transitRoutes from './routes/transit/transit.routes';
import punctualityRoutes from './routes/transit/punctuality.routes';
import vehicleTrackRoutes from './routes/vehicle-track/vehicle-track.routes';
import gpsRoutes from './routes/gps/gps.routes';
import gtfsRtRoutes from './routes/gtfs-rt/gtfs-rt.routes';
import arrivalsRoutes from './routes/arrivals/arrivals.routes';
import userRoutes from './routes/users/users.routes';
import ownPasswordRoutes from './routes/users/own-password.routes';
import auditRoutes from './routes/audit/audit.routes';
import shiftRoutes from './routes/shift/shift.routes';
import footageRequestRoutes from './routes/footage-requests/footage-requests.routes';
import requestJobsPlugin from './plugins/request-jobs.plugin';
import type { RequestJobs } from './services/footage-requests/request-context';
import evidenceFileRoutes from './routes/footage-requests/evidence-files.routes';
import footageFinderRoutes from './routes/footage-requests/footage-finder.routes';
import holdRoutes from './routes/recordings/holds.routes';
import recordingSettingsRoutes from './routes/recordings/recording-settings.routes';
import recordingOverviewRoutes from './routes/recordings/recording-overview.routes';
import recordingsRoutes from './routes/recordings/recordings.routes';
import { replyToFrameworkError } from './lib/framework-errors';

export interface AppOptions {
  /** The wall clock (default: the system's); tests pin it to the instants they mean. */
  now?: () => Date;
  /** Where footage-request steps send exports and notices (default: the BullMQ queues the workers take). */
  requestJobs?: RequestJobs;
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-device-key"]',
        'body.password',
      ],
      serializers: {
        // Fastify's default request fields, with device keys sent as `?key=` hidden.
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactUrlSecrets(request.url),
          host: request.host,
          remoteAddress: request.ip,
          remotePort: request.socket?.remotePort,
        }),
      },
    },
    trustProxy: false,
    // Query strings, params and headers are coerced from text ('array': `?type=a` is a list of one); JSON bodies are
    // not (see request-validators).
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    schemaController: { compilersFactory: { buildValidator: requestValidatorFactory } },
    frameworkErrors: replyToFrameworkError,
  });
  // First, so that it sees every route any later plugin adds.
  await app.register(routeTablePlugin);
  app.decorate('config', config);
  app.decorate('channels', channelNames(config.queuePrefix));
  app.decorate('now', options.now ?? (() => new Date()));
  app.decorate('cameraKeys', parseSecretKeyring(config.cameraSecretKey, config.cameraSecretKeyPrevious));
  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(dbPlugin);
  await app.register(redisPlugin);
  await app.register(authPlugin);
  await app.register(contentTypesPlugin);
  await app.register(inputGuardPlugin);
  await app.register(socketPlugin);
  await app.register(docsPlugin);
  await app.register(metricsPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(cameraRoutes);
  await app.register(eventRoutes);
  await app.register(basemapRoutes);
  await app.register(sceneRoutes);
  await app.register(trapRoutes);
  await app.register(placeRoutes);
  await app.register(evidenceRoutes);
  await app.register(escalationRoutes);
  await app.register(elephantRoutes);
  await app.register(wallRoutes);
  await app.register(crowdZoneRoutes);
  await app.register(transitFeedRoutes);
  await app.register(crashImportRoutes);
  await app.register(crashRankingRoutes);
  await app.register(crashMapRoutes);
  await app.register(crashesLiveRoutes);
  await app.register(ogcFeatureRoutes);
  await app.register(ogcAnalysisRoutes);
  await app.register(crashBeforeAfterRoutes);
  await app.register(areasRoutes);
  await app.register(crashHotspotRoutes);
  await app.register(crashExportRoutes);
  await app.register(transitRoutes);
  await app.register(punctualityRoutes);
  await app.register(vehicleTrackRoutes);
  await app.register(gpsRoutes);
  await app.register(gtfsRtRoutes);
  await app.register(arrivalsRoutes);
  await app.register(userRoutes);
  await app.register(ownPasswordRoutes);
  await app.register(auditRoutes);
  await app.register(shiftRoutes);
  await app.register(holdRoutes);
  await app.register(recordingSettingsRoutes);
  await app.register(recordingOverviewRoutes);
  await app.register(recordingsRoutes);
  await app.register(requestJobsPlugin, { jobs: options.requestJobs });
  await app.register(footageRequestRoutes);
  await app.register(evidenceFileRoutes);
  await app.register(footageFinderRoutes);
  await app.register(webPlugin);
  return app;
}
