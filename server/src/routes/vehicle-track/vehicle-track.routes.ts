// A vehicle's history over a period: its recorded track (GeoJSON or GPX) and its stop calls; every read is audited.
import type { FastifyPluginAsync } from 'fastify';
import { ErrorReply, IdParams, PeriodQuery, TrackQuery, VehicleStopCalls, VehicleTrack, type Role } from '../../schemas';
import { findVehicleLabel, listStopCalls, listTrackPoints } from '../../repositories/gps-track.repository';
import { insertAudit } from '../../repositories/audit.repository';
import { trackToGeoJson, trackToGpx } from '../../services/track-export';
import { HttpError, notFound } from '../../lib/http-error';
import { periodOf } from '../../lib/period';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };
const TRACK_ROLES: readonly Role[] = ['admin', 'operator', 'planner', 'viewer', 'police'];
const MAX_SPAN_DAYS = 7;
/** A bus reporting every second for a 12-hour shift gives ~43k fixes; more than this means a narrower period. */
export const MAX_TRACK_POINTS = 50_000;
/** A bus makes a few hundred stop calls a day; a week of them fits well under this. */
export const MAX_STOP_CALLS = 10_000;

const vehicleTrackRoutes: FastifyPluginAsync = async (app) => {
  const labelOf = async (vehicleId: number) => {
    const label = await findVehicleLabel(app.db, vehicleId);
    if (label === null) throw notFound(`Vehicle ${vehicleId}`, `รถ ${vehicleId}`);
    return label;
  };

  app.get<{ Params: IdParams; Querystring: TrackQuery }>(
    '/api/vehicles/:id/track',
    {
      config: { roles: TRACK_ROLES },
      schema: {
        tags: ['buses'],
        params: IdParams,
        querystring: TrackQuery,
        response: { 200: VehicleTrack, ...errors },
      },
    },
    async (request, reply) => {
      const { from, to } = periodOf(request.query, MAX_SPAN_DAYS);
      const format = request.query.format ?? 'geojson';
      const label = await labelOf(request.params.id);
      const points = await listTrackPoints(app.db, request.params.id, from, to, MAX_TRACK_POINTS + 1);
      if (points.length > MAX_TRACK_POINTS) {
        throw new HttpError(
          400,
          `More than ${MAX_TRACK_POINTS} positions in this period: choose a shorter one`,
          `มีตำแหน่งมากกว่า ${MAX_TRACK_POINTS} จุดในช่วงนี้ กรุณาเลือกช่วงเวลาที่สั้นลง`,
        );
      }
      await insertAudit(app.db, {
        userId: request.user!.id,
        username: request.user!.username,
        action: 'vehicle.track_export',
        target: `vehicle:${request.params.id}`,
        detail: { from: from.toISOString(), to: to.toISOString(), format, points: points.length },
        ip: request.ip,
      });
      const meta = { vehicleId: request.params.id, vehicleLabel: label, from, to };
      if (format === 'geojson') return trackToGeoJson(meta, points);
      const fileName = `vehicle-${label.replace(/[^A-Za-z0-9._-]/g, '_')}-${from.toISOString().slice(0, 10)}.gpx`;
      return reply
        .header('content-type', 'application/gpx+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(trackToGpx(meta, points));
    },
  );

  app.get<{ Params: IdParams; Querystring: PeriodQuery }>(
    '/api/vehicles/:id/stop-calls',
    {
      config: { roles: TRACK_ROLES },
      schema: {
        tags: ['buses'],
        summary: 'Arrivals and departures of a vehicle at the stops of its trips, with their delays',
        params: IdParams,
        querystring: PeriodQuery,
        response: { 200: VehicleStopCalls, ...errors },
      },
    },
    async (request) => {
      const { from, to } = periodOf(request.query, MAX_SPAN_DAYS);
      const label = await labelOf(request.params.id);
      const calls = await listStopCalls(app.db, request.params.id, from, to, MAX_STOP_CALLS + 1);
      if (calls.length > MAX_STOP_CALLS) {
        throw new HttpError(
          400,
          `More than ${MAX_STOP_CALLS} stop calls in this period: choose a shorter one`,
          `มีการจอดป้ายมากกว่า ${MAX_STOP_CALLS} ครั้งในช่วงนี้ กรุณาเลือกช่วงเวลาที่สั้นลง`,
        );
      }
      await insertAudit(app.db, {
        userId: request.user!.id,
        username: request.user!.username,
        action: 'vehicle.stop_calls_view',
        target: `vehicle:${request.params.id}`,
        detail: { from: from.toISOString(), to: to.toISOString(), calls: calls.length },
        ip: request.ip,
      });
      return {
        vehicleId: request.params.id,
        vehicleLabel: label,
        from: from.toISOString(),
        to: to.toISOString(),
        calls: calls.map((c) => ({
          ...c,
          scheduledArrival: c.scheduledArrival.toISOString(),
          scheduledDeparture: c.scheduledDeparture.toISOString(),
          arrivedAt: c.arrivedAt?.toISOString() ?? null,
          departedAt: c.departedAt?.toISOString() ?? null,
        })),
      };
    },
  );
};

export default vehicleTrackRoutes;
