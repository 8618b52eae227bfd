// GTFS-Realtime open data (no login): VehiclePositions and TripUpdates as protobuf, or JSON with ?format=json.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { ErrorReply, Id } from '../../schemas';
import { readBusStates } from '../../realtime/bus-states';
import { encodeFeed, feedAsJson, tripUpdatesMessage, vehiclePositionsMessage, type FeedMessage } from './gtfs-rt-feed';
import { readTripPredictions } from './trip-predictions';

const FeedQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('protobuf'), Type.Literal('json')], { description: 'protobuf (default) or json for people' })),
    feed: Type.Optional(Id({ description: 'Only the buses of this GTFS feed id' })),
  },
  { additionalProperties: false },
);
type FeedQuery = Static<typeof FeedQuery>;

/** Protobuf or JSON, with an ETag so pollers get 304 while nothing changed, and open to other sites (CORS). */
function sendFeed(request: FastifyRequest<{ Querystring: FeedQuery }>, reply: FastifyReply, message: FeedMessage) {
  const json = request.query.format === 'json';
  const body = json ? Buffer.from(JSON.stringify(feedAsJson(message))) : Buffer.from(encodeFeed(message));
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply
    .header('cache-control', 'public, max-age=5')
    .header('access-control-allow-origin', '*')
    .header('etag', etag)
    .header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type(json ? 'application/json; charset=utf-8' : 'application/x-protobuf').send(body);
}

const description = 'GTFS-Realtime 2.0, full dataset. Protobuf (application/x-protobuf) unless format=json.';
const schema = (summary: string) => ({ tags: ['gtfs-rt'], summary, description, querystring: FeedQuery, response: { 400: ErrorReply } });

const gtfsRtRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FeedQuery }>(
    '/api/gtfs-rt/vehicle-positions',
    { config: { roles: 'public' }, schema: schema('Where every bus is (GTFS-RT VehiclePositions)') },
    async (request, reply) => {
      const prefix = app.config.queuePrefix;
      const [states, predictions] = await Promise.all([readBusStates(app.redis, prefix), readTripPredictions(app.redis, prefix)]);
      const feed = request.query.feed;
      const byVehicle = new Map(predictions.map((p) => [p.vehicleId, p]));
      return sendFeed(request, reply, vehiclePositionsMessage(feed ? states.filter((s) => s.feedId === feed) : states, byVehicle));
    },
  );

  app.get<{ Querystring: FeedQuery }>(
    '/api/gtfs-rt/trip-updates',
    { config: { roles: 'public' }, schema: schema('Predicted arrivals of every bus on a trip (GTFS-RT TripUpdates)') },
    async (request, reply) => {
      const predictions = await readTripPredictions(app.redis, app.config.queuePrefix);
      const feed = request.query.feed;
      return sendFeed(request, reply, tripUpdatesMessage(feed ? predictions.filter((p) => p.feedId === feed) : predictions));
    },
  );
};

export default gtfsRtRoutes;
