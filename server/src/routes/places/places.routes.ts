// Places to warn about elephants: list for everyone logged in, village import for admins.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply, ImportReport, Place, PLACE_KINDS } from '../../schemas';
import { listPlaces } from '../../repositories/places.repository';
import { importVillages, parseVillageCsv, parseVillageGeoJson } from '../../services/places.service';
import { HttpError } from '../../lib/http-error';
import { ADMINS, ALL_ROLES } from '../../plugins/types';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 413: ErrorReply, 415: ErrorReply };
const PlacesQuery = Type.Object({ kind: Type.Optional(Type.Enum(PLACE_KINDS)) }, { additionalProperties: false });

const placeRoutes: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get<{ Querystring: { kind?: Place['kind'] } }>(
    '/api/places',
    { config: { roles: ALL_ROLES }, schema: { tags: ['places'], querystring: PlacesQuery, response: { 200: Type.Array(Place), ...errors } } },
    async (request) => listPlaces(app.db, request.query.kind),
  );

  app.post<{ Body: string | Record<string, unknown> }>(
    '/api/places/villages',
    {
      config: { roles: ADMINS },
      bodyLimit: 5 * 1024 * 1024,
      schema: { tags: ['places'], consumes: ['text/csv', 'application/json'], response: { 200: ImportReport, ...errors } },
    },
    async (request) => {
      const isCsv = typeof request.body === 'string';
      const parsed = isCsv ? parseVillageCsv(request.body as string) : parseVillageGeoJson(request.body);
      if (parsed.fatal) throw new HttpError(400, `The file cannot be read: ${parsed.fatal}`, `อ่านไฟล์ไม่ได้: ${parsed.fatal}`);
      if (parsed.rows.length === 0) throw new HttpError(400, 'The file has no rows', 'ไฟล์ไม่มีข้อมูล');
      return importVillages({ db: app.db, user: request.user!, ip: request.ip }, parsed, isCsv ? 'csv upload' : 'geojson upload');
    },
  );
};

export default placeRoutes;
