// GPS ingest for devices (no login; the device key is the credential): OsmAnd GET/POST as Traccar takes it, and a JSON batch.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, GpsBatchRequest, GpsIngestReply, OsmAndParams } from '../../schemas';
import { HttpError } from '../../lib/http-error';
import { RateLimitedError, type GpsIngest } from '../../services/gps-ingest.service';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 413: ErrorReply, 429: ErrorReply };
const KeyHeader = Type.Object({
  'x-device-key': Type.Optional(
    Type.String({ maxLength: 200, description: 'Device key (instead of `key`)' }),
  ),
});
const MAX_FIELD = 200;

/** Query fields plus the string fields of a form (or JSON) body; the body wins. */
function osmAndFields(query: OsmAndParams, body: unknown): OsmAndParams {
  const fields: Record<string, string> = { ...(query as Record<string, string>) };
  if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body)) {
      if (typeof value !== 'string') continue;
      if (value.length > MAX_FIELD)
        throw new HttpError(400, `Field ${name} is too long`, `ช่อง ${name} ยาวเกินไป`);
      fields[name] = value;
    }
  }
  return fields;
}

async function replyLimited<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterS));
    throw error;
  }
}

const ingestRoutes: FastifyPluginAsync<{ ingest: GpsIngest }> = async (app, { ingest }) => {
  // OsmAnd clients POST form fields (or nothing, with the fields in the query).
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'text/plain'],
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  // Devices report every few seconds each: logging every request at info would drown the log (and cost CPU at
  // thousands of fixes/s). Refusals are counted per device (GET /api/gps/devices) and errors still log.
  const osmAnd = {
    logLevel: 'warn' as const,
    config: { roles: 'public' as const },
    schema: {
      tags: ['gps'],
      summary: 'One fix in the OsmAnd protocol (as Traccar accepts it); speed in knots',
      security: [{ deviceKey: [] }, { deviceKeyQuery: [] }] as { [scheme: string]: string[] }[],
      consumes: ['application/x-www-form-urlencoded', 'text/plain', 'application/json'],
      querystring: OsmAndParams,
      headers: KeyHeader,
      response: { 200: GpsIngestReply, ...errors },
    },
  };
  const handleOsmAnd = (
    request: { query: OsmAndParams; body: unknown; headers: Record<string, unknown> },
    reply: FastifyReply,
  ) =>
    replyLimited(reply, () =>
      ingest.osmand(
        osmAndFields(request.query, request.body),
        request.headers['x-device-key'] as string | undefined,
      ),
    );
  app.get<{ Querystring: OsmAndParams }>('/api/gps/osmand', osmAnd, handleOsmAnd);
  app.post<{ Querystring: OsmAndParams }>('/api/gps/osmand', osmAnd, handleOsmAnd);

  app.post<{ Body: GpsBatchRequest }>(
    '/api/gps/batch',
    {
      logLevel: 'warn',
      config: { roles: 'public' },
      bodyLimit: 8 * 1024 * 1024,
      attachValidation: true,
      schema: {
        tags: ['gps'],
        summary: 'Many fixes of many devices in one request (each device with its key); speed in km/h',
        body: GpsBatchRequest,
        response: { 200: GpsIngestReply, ...errors },
      },
    },
    async (request, reply) => {
      if (request.validationError) {
        const first = request.validationError.validation?.[0] as { instancePath?: string } | undefined;
        await ingest.countInvalidBatch(request.body, first?.instancePath ?? '');
        const reason = request.validationError.message;
        throw new HttpError(400, `Malformed batch: ${reason}`, `ข้อมูลชุดตำแหน่งไม่ถูกต้อง: ${reason}`);
      }
      return replyLimited(reply, () => ingest.batch(request.body));
    },
  );
};

export default ingestRoutes;
