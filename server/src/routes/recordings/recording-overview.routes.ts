// The recording overview for the control room: the volume's space and forecast, and recording health per camera.
import type { FastifyPluginAsync } from 'fastify';
import { ErrorReply, RecordingOverview } from '../../schemas';
import { recordingOverview } from '../../services/recording-overview.service';
import { defaultStatfs } from '../../lib/recordings-volume';
import { OPERATORS } from '../../plugins/types';

const recordingOverviewRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/recordings/overview',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['recordings'],
        summary:
          'Recordings volume (space, quota, free-space floor, footage held, write rate, hours left) and per camera: ' +
          'recording state, pause, last segment, bitrate, gaps today, footage kept and the days it will keep',
        response: { 200: RecordingOverview, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async () =>
      recordingOverview({ db: app.db, config: app.config.recording, statfs: defaultStatfs, now: app.now() }),
  );
};

export default recordingOverviewRoutes;
