// GTFS-Realtime messages (VehiclePositions, TripUpdates) built from the live bus states and trip predictions.
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { BusState, TripPrediction } from '../../schemas';

const { transit_realtime: rt } = GtfsRealtimeBindings;
export type FeedMessage = GtfsRealtimeBindings.transit_realtime.IFeedMessage;

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * The header's timestamp is the newest data in the message (not the clock), so an unchanged feed is byte-identical
 * and its ETag lets caches answer 304.
 */
function header(times: number[]): FeedMessage['header'] {
  return {
    gtfsRealtimeVersion: '2.0',
    incrementality: rt.FeedHeader.Incrementality.FULL_DATASET,
    timestamp: times.length ? Math.max(...times) : 0,
  };
}

/** One entity per bus; the trip (with its service day from the predictions) when the bus is on one. */
export function vehiclePositionsMessage(states: readonly BusState[], predictions: ReadonlyMap<number, TripPrediction>): FeedMessage {
  const entity = states.map((s) => {
    const prediction = predictions.get(s.vehicleId);
    const startDate = prediction && prediction.tripId === s.tripId ? prediction.startDate : undefined;
    return {
      id: `vehicle-${s.vehicleId}`,
      vehicle: {
        trip: s.tripId ? { tripId: s.tripId, ...(s.routeId ? { routeId: s.routeId } : {}), ...(startDate ? { startDate } : {}) } : null,
        vehicle: { id: String(s.vehicleId), label: s.label },
        position: {
          latitude: s.lat,
          longitude: s.lon,
          ...(s.bearingDeg !== null ? { bearing: s.bearingDeg } : {}),
          ...(s.speedKmh !== null ? { speed: s.speedKmh / 3.6 } : {}),
        },
        ...(s.nextStopId ? { stopId: s.nextStopId, currentStatus: rt.VehiclePosition.VehicleStopStatus.IN_TRANSIT_TO } : {}),
        timestamp: seconds(s.fixTime),
      },
    };
  });
  return { header: header(states.map((s) => seconds(s.fixTime))), entity };
}

/** One entity per bus on a trip: the predicted arrival at each of its upcoming stops (delay against the timetable). */
export function tripUpdatesMessage(predictions: readonly TripPrediction[]): FeedMessage {
  const entity = predictions.map((p) => ({
    id: `trip-${p.vehicleId}`,
    tripUpdate: {
      trip: {
        tripId: p.tripId,
        routeId: p.routeId,
        startDate: p.startDate,
        scheduleRelationship: rt.TripDescriptor.ScheduleRelationship.SCHEDULED,
      },
      vehicle: { id: String(p.vehicleId), label: p.vehicleLabel },
      timestamp: seconds(p.at),
      stopTimeUpdate: p.stops.map((s) => ({
        stopSequence: s.stopSequence,
        stopId: s.stopId,
        arrival: {
          time: seconds(s.predictedAt),
          ...(s.scheduledAt ? { delay: seconds(s.predictedAt) - seconds(s.scheduledAt) } : {}),
        },
      })),
    },
  }));
  return { header: header(predictions.map((p) => seconds(p.at))), entity };
}

export function encodeFeed(message: FeedMessage): Uint8Array {
  return rt.FeedMessage.encode(rt.FeedMessage.fromObject(message)).finish();
}

/** The message as plain JSON for people (enum names, numbers instead of 64-bit objects). */
export function feedAsJson(message: FeedMessage): Record<string, unknown> {
  return rt.FeedMessage.toObject(rt.FeedMessage.fromObject(message), { enums: String, longs: Number });
}
