// From an elephant sighting to a warning: the places within 10 km (PostGIS), the herd's movement path, and notifications.
import type pg from 'pg';
import { withTransaction } from '@toc/server/db/transaction';
import { placesWithin } from '@toc/server/repositories/places.repository';
import { addSightingToPath } from '@toc/server/repositories/elephant-paths.repository';
import { findEvent, insertEventUpdate, reopenDetectedEvent, updateDetectedEvent } from '@toc/server/repositories/events.repository';
import { compass } from '@toc/server/geometry/local-metres';
import type { Event, PlaceNearby } from '@toc/server/schemas';
import type { EventStore } from '@toc/server/services/event-store.service';
import { notifyEvent, type NotifierContext } from './notifier';

/** The province's Wild Elephant Alarm rule: warn places before the herd is within 10 km of them. */
export const WARNING_RADIUS_M = 10_000;
/** A herd walks a few km an hour: sightings this close in time and space are one movement path. */
const PATH_LIMITS = { maxGapS: 6 * 3600, maxJumpM: 15_000 };

export interface ElephantWarningContext {
  db: pg.Pool;
  events: EventStore;
  notifier: NotifierContext;
}

export interface WarnedPlace {
  id: number;
  kind: string;
  name: string;
  nameTh: string;
  district: string | null;
  districtTh: string | null;
  location: { lon: number; lat: number };
  distanceM: number;
  bearingDeg: number;
  direction: { en: string; th: string };
}

const toWarned = (place: PlaceNearby): WarnedPlace => ({
  id: place.id,
  kind: place.kind,
  name: place.name,
  nameTh: place.nameTh,
  district: place.district,
  districtTh: place.districtTh,
  location: place.location,
  distanceM: Math.round(place.distanceM),
  bearingDeg: Math.round(place.bearingDeg),
  direction: compass(place.bearingDeg),
});

function warningMessage(places: WarnedPlace[], count: number) {
  const listEn = places.slice(0, 8).map((p) => `${p.name} ${(p.distanceM / 1000).toFixed(1)} km ${p.direction.en}`);
  const listTh = places.slice(0, 8).map((p) => `${p.nameTh} ${(p.distanceM / 1000).toFixed(1)} กม. ทิศ${p.direction.th}`);
  return {
    title: { en: `Wild elephants: ${count} seen within 10 km of ${places.length} places`, th: `ช้างป่า ${count} ตัว อยู่ในระยะ 10 กม. จาก ${places.length} พื้นที่` },
    body: { en: `Places to warn: ${listEn.join('; ')}`, th: `พื้นที่ที่ต้องแจ้งเตือน: ${listTh.join('; ')}` },
  };
}

/**
 * Adds the sighting to a movement path and opens (or refreshes) its warning. Returns the warning event,
 * or null when no place lies within the radius.
 */
export async function warnAboutElephant(
  ctx: ElephantWarningContext,
  sighting: Event,
  existingWarningId: number | null,
): Promise<Event | null> {
  if (!sighting.location) return null;
  const location = sighting.location;
  const { places, path } = await withTransaction(ctx.db, async (tx) => ({
    places: (await placesWithin(tx, location, WARNING_RADIUS_M)).map(toWarned),
    path: await addSightingToPath(tx, { eventId: sighting.id, at: sighting.updatedAt, location }, PATH_LIMITS),
  }));
  const withPath = await updateDetectedEvent(ctx.db, sighting.id, { payload: { ...sighting.payload, pathId: path.id } });
  if (withPath) await ctx.events.announce(withPath);
  if (places.length === 0) return null;

  const count = Number(sighting.payload.count ?? 1);
  // A trap's warning names the trap, as the sighting does (a trap warning has no camera to name).
  const { trapId, trapName, trapNameTh } = sighting.payload;
  const payload = {
    ...(trapName === undefined ? {} : { trapId, trapName, trapNameTh }),
    sightingEventId: sighting.id,
    pathId: path.id,
    radiusM: WARNING_RADIUS_M,
    count,
    nearestM: places[0]!.distanceM,
    places,
    ...warningMessage(places, count),
  };
  let warning: Event | null;
  if (existingWarningId) {
    const before = await findEvent(ctx.db, existingWarningId);
    // While the herd is seen, its warning runs: a sighting raised again brings an ended warning back.
    const running = sighting.endedAt === null ? { endedAt: null } : {};
    warning = await updateDetectedEvent(ctx.db, existingWarningId, { payload, location, ...running });
    if (!warning) return null;
    const newPlaces = placesNotIn(places, before?.payload.places);
    await insertEventUpdate(ctx.db, { eventId: warning.id, kind: 'updated', detail: { places: places.length, nearestM: payload.nearestM, newPlaces: newPlaces.length } });
    if (newPlaces.length > 0) {
      // The herd now threatens places nobody was warned about: back in front of the operators, and tell them.
      const reopened = await reopenDetectedEvent(ctx.db, warning.id);
      if (reopened) {
        warning = reopened;
        await insertEventUpdate(ctx.db, { eventId: warning.id, kind: 'reopened', detail: { newPlaces: newPlaces.map((p) => p.id) } });
      }
      await notifyWarning(ctx, warning, newPlaces, count);
    }
    await ctx.events.announce(warning);
    return warning;
  }
  warning = await ctx.events.record({
    type: 'elephant.warning',
    severity: 'critical',
    location,
    cameraId: sighting.cameraId,
    startedAt: sighting.startedAt,
    confidence: sighting.confidence,
    modelId: sighting.modelId,
    payload,
  });
  await insertEventUpdate(ctx.db, { eventId: warning.id, kind: 'opened', detail: { places: places.length, nearestM: payload.nearestM } });
  await notifyWarning(ctx, warning, places, count);
  return warning;
}

/** Places in `places` that the earlier warning (its payload's `places`) did not name. */
export function placesNotIn(places: readonly WarnedPlace[], earlier: unknown): WarnedPlace[] {
  const known = new Set(Array.isArray(earlier) ? earlier.map((p: { id?: unknown }) => p?.id) : []);
  return places.filter((place) => !known.has(place.id));
}

/** Tells the channels and the targets of the districts of the given places; a failure is logged, not thrown. */
async function notifyWarning(ctx: ElephantWarningContext, warning: Event, places: readonly WarnedPlace[], count: number): Promise<void> {
  const districts = [...new Set(places.map((p) => p.districtTh).filter((d): d is string => d !== null))];
  await notifyEvent(ctx.notifier, warning, warningMessage([...places], count), districts).catch((error: Error) =>
    ctx.notifier.log('error', 'elephant notification failed', { eventId: warning.id, error: error.message }),
  );
}
