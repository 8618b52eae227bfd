// Decodes a GTFS-RT VehiclePositions message into GPS fixes, one per vehicle with a position (device id = prefix + vehicle id).
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { GpsFix } from '@toc/server/schemas';

const { transit_realtime: rt } = GtfsRealtimeBindings;

/** Throws when the bytes are not a FeedMessage. */
export function vehiclePositionFixes(body: Uint8Array, idPrefix: string, receivedAt: Date): GpsFix[] {
  const message = rt.FeedMessage.decode(body);
  const headerS = Number(message.header.timestamp ?? 0);
  const fixes: GpsFix[] = [];
  for (const entity of message.entity) {
    const v = entity.vehicle;
    const position = v?.position;
    if (!v || !position || entity.isDeleted) continue;
    // The vehicle descriptor's id is the stable one; the entity id only when the feed gives no vehicle id.
    const vehicleId = v.vehicle?.id || entity.id;
    const fixS = Number(v.timestamp ?? 0) || headerS;
    // Unset optional fields decode as the default 0, so only fields the feed actually sent count.
    const sent = (field: 'speed' | 'bearing'): number | null =>
      Object.prototype.hasOwnProperty.call(position, field) ? (position[field] ?? null) : null;
    const speed = sent('speed');
    const bearing = sent('bearing');
    fixes.push({
      deviceId: `${idPrefix}${vehicleId}`,
      lon: position.longitude,
      lat: position.latitude,
      fixTime: new Date(fixS > 0 ? fixS * 1000 : receivedAt.getTime()).toISOString(),
      speedKmh: speed !== null && speed >= 0 ? speed * 3.6 : null,
      bearingDeg: bearing !== null && bearing >= 0 && bearing <= 360 ? bearing : null,
      altitudeM: null,
      accuracyM: null,
    });
  }
  return fixes;
}
