// From an elephant sighting to its herd's one warning: the places within 10 km (PostGIS), the movement path, and notifications.
import type pg from 'pg';
import { withTransaction } from '@toc/server/db/transaction';
import { placesWithin } from '@toc/server/repositories/places.repository';
import { addSightingToPath } from '@toc/server/repositories/elephant-paths.repository';
import { findOpenHerdWarning, lockHerdWarning } from '@toc/server/repositories/elephant-warnings.repository';
import { findEvent, insertEvent, insertEventUpdate, reopenDetectedEvent, updateDetectedEvent } from '@toc/server/repositories/events.repository';
import { compass } from '@toc/server/geometry/local-metres';
import type { Event, LonLat, NotificationReach, PlaceNearby } from '@toc/server/schemas';
import type { EventStore } from '@toc/server/services/event-store.service';
import { notificationReach } from './notification-reach';
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

/** Sighting ids read back from a warning's payload (the list, or the single id older warnings carry). */
function sightingIdsOf(payload: Record<string, unknown> | undefined): number[] {
  const list = Array.isArray(payload?.sightingEventIds) ? payload.sightingEventIds : [payload?.sightingEventId];
  return list.filter((id): id is number => typeof id === 'number' && Number.isInteger(id));
}

const districtsOf = (places: readonly WarnedPlace[]) => [...new Set(places.map((p) => p.districtTh).filter((d): d is string => d !== null))];

/** Operators still have it in hand: a resolved warning or a false alarm is someone's judgement, not reused for a herd. */
const isInHand = (event: Event | null) => event?.status === 'open' || event?.status === 'acknowledged';

/** One sighting of a herd, placed: its movement path and the places within the radius, nearest first. */
interface HerdSighting {
  sighting: Event;
  location: LonLat;
  pathId: number;
  places: WarnedPlace[];
}

/** The warning's payload for this sighting, keeping what the herd's earlier warning (`before`) knew. */
function warningPayload({ sighting, pathId, places }: HerdSighting, before: Event | null, reach: NotificationReach | undefined) {
  // The herd is at least as many as any of its sightings counted.
  const count = Math.max(Number(sighting.payload.count ?? 1), before ? Number(before.payload.count ?? 1) : 1);
  // A trap's warning names the trap, as the sighting does (a trap warning has no camera to name).
  const { trapId, trapName, trapNameTh } = sighting.payload;
  return {
    ...(trapName === undefined ? {} : { trapId, trapName, trapNameTh }),
    sightingEventId: sighting.id,
    sightingEventIds: [...new Set([...sightingIdsOf(before?.payload), sighting.id])],
    pathId,
    radiusM: WARNING_RADIUS_M,
    count,
    nearestM: places[0]!.distanceM,
    places,
    ...(reach ? { notifyReach: reach } : {}),
    ...warningMessage(places, count),
  };
}

/**
 * Adds the sighting to a movement path and opens (or refreshes) the one warning of that herd: the sighting's own
 * warning while operators have it in hand, else the herd's open or acknowledged warning (another camera or trap saw
 * it, or a new episode began), else the sighting's own closed one as before; only a herd with none gets a new
 * warning. Returns the warning event, or null when no place lies within the radius.
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

  const herd: HerdSighting = { sighting, location, pathId: path.id, places };
  const own = existingWarningId === null ? null : await findEvent(ctx.db, existingWarningId);
  const found = await withTransaction(ctx.db, async (tx): Promise<{ herdWarningId: number } | { opened: Event; count: number }> => {
    // Under the herd's lock: two sightings of one herd at once (a camera and a trap) cannot both open a warning.
    await lockHerdWarning(tx, path.id);
    const herdWarningId = own && isInHand(own) ? own.id : ((await findOpenHerdWarning(tx, path.id)) ?? own?.id ?? null);
    if (herdWarningId !== null) return { herdWarningId };
    const reach = await notificationReach({ db: tx, config: ctx.notifier.config }, 'elephant.warning', districtsOf(places));
    const payload = warningPayload(herd, null, reach);
    const opened = await insertEvent(tx, {
      type: 'elephant.warning',
      severity: 'critical',
      location,
      cameraId: sighting.cameraId,
      startedAt: sighting.startedAt,
      confidence: sighting.confidence,
      modelId: sighting.modelId,
      payload,
    });
    await insertEventUpdate(tx, { eventId: opened.id, kind: 'opened', detail: { places: places.length, nearestM: payload.nearestM, sightingEventId: sighting.id } });
    return { opened, count: payload.count };
  });
  if ('opened' in found) {
    // Announced and told once committed: nobody hears of a warning that was rolled back.
    await ctx.events.announce(found.opened);
    await notifyWarning(ctx, found.opened, places, found.count);
    return found.opened;
  }
  const before = found.herdWarningId === own?.id ? own : await findEvent(ctx.db, found.herdWarningId);
  return before ? refreshWarning(ctx, herd, before) : null;
}

/** A further sighting of a warned herd: the warning follows it, and only places nobody was warned about are told. */
async function refreshWarning(ctx: ElephantWarningContext, herd: HerdSighting, before: Event): Promise<Event | null> {
  const { sighting, location, places } = herd;
  const newPlaces = placesNotIn(places, before.payload.places);
  // A new notification round is counted afresh; otherwise the last round's reach stands.
  const reach =
    newPlaces.length > 0
      ? await notificationReach(ctx.notifier, 'elephant.warning', districtsOf(newPlaces))
      : (before.payload.notifyReach as NotificationReach | undefined);
  const payload = warningPayload(herd, before, reach);
  // While the herd is seen, its warning runs: a sighting raised again brings an ended warning back.
  const running = sighting.endedAt === null ? { endedAt: null } : {};
  let warning = await updateDetectedEvent(ctx.db, before.id, { payload, location, ...running });
  if (!warning) return null;
  const joined = !sightingIdsOf(before.payload).includes(sighting.id);
  await insertEventUpdate(ctx.db, {
    eventId: warning.id,
    kind: 'updated',
    detail: { places: places.length, nearestM: payload.nearestM, newPlaces: newPlaces.length, ...(joined ? { sightingEventId: sighting.id } : {}) },
  });
  if (newPlaces.length > 0) {
    // The herd now threatens places nobody was warned about: back in front of the operators, and tell them.
    const reopened = await reopenDetectedEvent(ctx.db, warning.id);
    if (reopened) {
      warning = reopened;
      await insertEventUpdate(ctx.db, { eventId: warning.id, kind: 'reopened', detail: { newPlaces: newPlaces.map((p) => p.id) } });
    }
    await notifyWarning(ctx, warning, newPlaces, payload.count);
  }
  await ctx.events.announce(warning);
  return warning;
}

/** Places in `places` that the earlier warning (its payload's `places`) did not name. */
export function placesNotIn(places: readonly WarnedPlace[], earlier: unknown): WarnedPlace[] {
  const known = new Set(Array.isArray(earlier) ? earlier.map((p: { id?: unknown }) => p?.id) : []);
  return places.filter((place) => !known.has(place.id));
}

/** Tells the channels and the targets of the districts of the given places; a failure is logged, not thrown. */
async function notifyWarning(ctx: ElephantWarningContext, warning: Event, places: readonly WarnedPlace[], count: number): Promise<void> {
  await notifyEvent(ctx.notifier, warning, warningMessage([...places], count), districtsOf(places)).catch((error: Error) =>
    ctx.notifier.log('error', 'elephant notification failed', { eventId: warning.id, error: error.message }),
  );
}
