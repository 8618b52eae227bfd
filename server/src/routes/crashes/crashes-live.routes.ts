// The control room's live crash layer: crashes and camera traffic incidents of the last 24 hours (GeoJSON).
import type { FastifyPluginAsync } from 'fastify';
import { CRASHES_LIVE_ROLES } from '../../plugins/types';
import { LIVE_CRASH_LIMIT, liveCrashes } from '../../repositories/crashes-live.repository';
import { ErrorReply, LiveCrashCollection, TRAFFIC_INCIDENT_TYPES } from '../../schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

const crashesLiveRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/crashes/last-24h',
    {
      config: { roles: CRASHES_LIVE_ROLES },
      schema: {
        tags: ['crashes'],
        summary: 'Crashes and camera traffic incidents of the last 24 hours (GeoJSON points)',
        description:
          'Crashes of every source that occurred in the last 24 hours (kind "crash"; a camera accident an operator ' +
          `confirmed is one, source "camera"), and camera events of the types ${TRAFFIC_INCIDENT_TYPES.join(', ')} ` +
          'that started in the last 24 hours, have a place and were not marked a false alarm (kind "incident"). ' +
          `Newest first, at most ${LIVE_CRASH_LIMIT}. No names, plates or notes. The socket message ` +
          '"crashes.changed" says when to read it again; new or changed incident events arrive as "event".',
        response: { 200: LiveCrashCollection, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async () => liveCrashes(app.db, new Date(app.now().getTime() - DAY_MS)),
  );
};

export default crashesLiveRoutes;
