// Playback of recorded footage: a camera's timeline, the HLS playlist of a window (audited: it is the view), the
// segment files it names (byte ranges) and a still at an instant (audited).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  CameraRecordingParams,
  CameraTimeline,
  ErrorReply,
  RecordingAtQuery,
  SegmentParams,
  TimelineQuery,
  type Role,
} from '../../schemas';
import { OPERATORS } from '../../plugins/types';
import { parseByteRange } from '../../lib/byte-range';
import {
  cameraPlaylist,
  cameraTimeline,
  instantOf,
  openSegment,
  playlistWindow,
  recordedStill,
  type PlaybackContext,
} from '../../services/recording-playback.service';
import { auditRecordingPlayback, auditRecordingStill } from '../../services/footage-audit.service';
import { clientInfo } from '../client-info';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 503: ErrorReply };
/** Recorded footage is for the control room (PDPA); police will get the footage released to their requests. */
const PLAYBACK_ROLES: readonly Role[] = OPERATORS;
/** A segment never changes once indexed; only this user's browser may keep it, and not for long (roles change). */
const SEGMENT_CACHE = 'private, max-age=3600';

const recordingsRoutes: FastifyPluginAsync = async (app) => {
  const context = (): PlaybackContext => ({ db: app.db, dir: app.config.recording.dir, now: app.now() });
  const viewer = (request: FastifyRequest) => ({ user: request.user!, ...clientInfo(request) });

  app.get<{ Params: CameraRecordingParams; Querystring: TimelineQuery }>(
    '/api/recordings/:cameraId/timeline',
    {
      config: { roles: PLAYBACK_ROLES },
      schema: {
        tags: ['recordings'],
        summary:
          'Recorded spans, gaps with their reason, events and evidence holds of one camera over at most 7 days',
        params: CameraRecordingParams,
        querystring: TimelineQuery,
        response: { 200: CameraTimeline, ...errors },
      },
    },
    async (request) => cameraTimeline(context(), request.params.cameraId, request.query),
  );

  app.get<{ Params: CameraRecordingParams; Querystring: TimelineQuery }>(
    '/api/recordings/:cameraId/playlist.m3u8',
    {
      config: { roles: PLAYBACK_ROLES },
      schema: {
        tags: ['recordings'],
        summary:
          'HLS playlist (fMP4, one discontinuity per segment, PROGRAM-DATE-TIME) of one camera over at most 6 hours: ' +
          'VOD once the window is past, EVENT while it reaches now. Each request is an audited view.',
        params: CameraRecordingParams,
        querystring: TimelineQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const { cameraId } = request.params;
      const period = playlistWindow(request.query);
      const playlist = await cameraPlaylist(context(), cameraId, period);
      // Watching recorded footage is a view (PDPA): recorded before the playlist is sent, or not sent at all.
      await auditRecordingPlayback(
        app.db,
        app.redis,
        app.config.queuePrefix,
        viewer(request),
        cameraId,
        period,
      );
      return reply
        .type('application/vnd.apple.mpegurl')
        .header('cache-control', 'private, no-store')
        .send(playlist);
    },
  );

  app.get<{ Params: SegmentParams }>(
    '/api/recordings/segments/:id',
    {
      config: { roles: PLAYBACK_ROLES },
      schema: {
        tags: ['recordings'],
        summary: 'One recorded segment file (video/mp4), whole or by byte range, as a playlist names it',
        params: SegmentParams,
        response: { ...errors, 409: ErrorReply, 410: ErrorReply, 416: ErrorReply },
      },
    },
    async (request, reply) =>
      sendSegment(reply, await openSegment(context(), request.params.id), request.headers.range),
  );

  app.get<{ Params: CameraRecordingParams; Querystring: RecordingAtQuery }>(
    '/api/recordings/:cameraId/still',
    {
      config: { roles: PLAYBACK_ROLES },
      schema: {
        tags: ['recordings'],
        summary: 'The recorded frame of one camera at an instant (JPEG); an audited view',
        params: CameraRecordingParams,
        querystring: RecordingAtQuery,
        response: { ...errors, 410: ErrorReply },
      },
    },
    async (request, reply) => {
      const { cameraId } = request.params;
      const at = instantOf(request.query.at);
      const { jpeg, segment } = await recordedStill(context(), cameraId, at);
      await auditRecordingStill(app.db, viewer(request), cameraId, { at, segmentId: segment.id });
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
    },
  );
};

/** The file, or the one byte range asked for (players fetch a segment's header and fragments separately). */
async function sendSegment(
  reply: FastifyReply,
  opened: Awaited<ReturnType<typeof openSegment>>,
  rangeHeader: string | undefined,
) {
  const { segment, file, size } = opened;
  const range = parseByteRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    await file.close();
    return reply
      .status(416)
      .header('content-range', `bytes */${size}`)
      .send({
        statusCode: 416,
        error: 'Range Not Satisfiable',
        message: `The range ${rangeHeader} lies outside recorded segment ${segment.id} (${size} bytes)`,
        messageTh: `ช่วงข้อมูล ${rangeHeader} อยู่นอกไฟล์ภาพบันทึก ${segment.id} (ขนาด ${size} ไบต์)`,
      });
  }
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
  reply
    .type('video/mp4')
    .header('accept-ranges', 'bytes')
    .header('cache-control', SEGMENT_CACHE)
    .header('x-content-sha256', segment.sha256)
    .header('content-length', end - start + 1);
  if (range.kind === 'part') reply.status(206).header('content-range', `bytes ${start}-${end}/${size}`);
  return reply.send(file.createReadStream({ start, end }));
}

export default recordingsRoutes;
