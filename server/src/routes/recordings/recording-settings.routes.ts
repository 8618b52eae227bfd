// A camera's recording and retention settings: the control room reads them; admins change them (audited).
import type { FastifyPluginAsync } from 'fastify';
import { CameraRecordingSettings, ErrorReply, IdParams } from '../../schemas';
import {
  findCameraRecording,
  upsertCameraRecording,
  type EffectiveRecording,
} from '../../repositories/camera-recording.repository';
import { insertAudit } from '../../repositories/audit.repository';
import { withTransaction } from '../../db/transaction';
import { HttpError, notFound } from '../../lib/http-error';
import { ADMINS, OPERATORS } from '../../plugins/types';
import { clientInfo } from '../client-info';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const settingsOf = (s: EffectiveRecording): CameraRecordingSettings => ({
  enabled: s.enabled,
  minDays: s.minDays,
  maxDays: s.maxDays,
  priority: s.priority,
});

const recordingSettingsRoutes: FastifyPluginAsync = async (app) => {
  const defaults = {
    minDays: app.config.recording.defaultMinDays,
    maxDays: app.config.recording.defaultMaxDays,
  };

  app.get<{ Params: IdParams }>(
    '/api/cameras/:id/recording',
    {
      config: { roles: OPERATORS },
      schema: {
        tags: ['recordings'],
        summary: "A camera's recording settings: its own, or the configured defaults",
        params: IdParams,
        response: { 200: CameraRecordingSettings, ...errors },
      },
    },
    async (request) => {
      const current = await findCameraRecording(app.db, request.params.id, defaults);
      if (!current) throw notFound(`Camera ${request.params.id}`, `กล้อง ${request.params.id}`);
      return settingsOf(current);
    },
  );

  app.put<{ Params: IdParams; Body: CameraRecordingSettings }>(
    '/api/cameras/:id/recording',
    {
      config: { roles: ADMINS },
      schema: {
        tags: ['recordings'],
        summary:
          'Sets whether a camera is recorded, how long its footage is kept (min and max days) and its priority (audited)',
        params: IdParams,
        body: CameraRecordingSettings,
        response: { 200: CameraRecordingSettings, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const settings = request.body;
      if (settings.minDays > settings.maxDays) {
        throw new HttpError(
          400,
          'minDays (keep at least) must not be more than maxDays (keep at most)',
          'จำนวนวันเก็บขั้นต่ำต้องไม่มากกว่าจำนวนวันเก็บสูงสุด',
        );
      }
      const user = request.user!;
      const { ip, userAgent } = clientInfo(request);
      return withTransaction(app.db, async (tx) => {
        const before = await findCameraRecording(tx, id, defaults);
        if (!before) throw notFound(`Camera ${id}`, `กล้อง ${id}`);
        await upsertCameraRecording(tx, id, settings);
        await insertAudit(tx, {
          userId: user.id,
          username: user.username,
          action: 'camera.recording.update',
          target: `camera:${id}`,
          detail: { before: { ...settingsOf(before), custom: before.custom }, after: settings },
          ip,
          userAgent,
        });
        return settingsOf((await findCameraRecording(tx, id, defaults))!);
      });
    },
  );
};

export default recordingSettingsRoutes;
