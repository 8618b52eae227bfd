// The filtered crashes as a CSV (Excel-ready) or GeoJSON download, for planners and admins. No personal data is in
// the crash store, so none can be in an export.
import type { FastifyPluginAsync } from 'fastify';
import { readCheckedCrashFilter } from '../../crashes/checked-filter';
import { crashCsv, crashGeoJson } from '../../services/crash-export.service';
import { CrashFilterQuery, ErrorReply } from '../../schemas';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply };
const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', make: crashCsv },
  geojson: { type: 'application/geo+json', make: crashGeoJson },
} as const;

const crashExportRoutes: FastifyPluginAsync = async (app) => {
  for (const [format, { type, make }] of Object.entries(FORMATS)) {
    app.get<{ Querystring: CrashFilterQuery }>(
      `/api/crashes/export.${format}`,
      {
        config: { roles: ['admin', 'planner'] },
        schema: {
          tags: ['crashes'],
          description: `The crashes matching the filter as ${format === 'csv' ? 'CSV (UTF-8 with BOM, Thai and English headers)' : 'GeoJSON'}`,
          querystring: CrashFilterQuery,
          response: errors,
        },
      },
      async (request, reply) => {
        const filter = await readCheckedCrashFilter(app.db, request.query);
        const day = new Date(app.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="crashes-${day}.${format}"`)
          .send(make(app.db, filter));
      },
    );
  }
};

export default crashExportRoutes;
