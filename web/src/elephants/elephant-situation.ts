// The elephant situation from events and paths: current sightings, open warnings, places warned, the nearest one,
// each herd's path as timed steps with the distance moved, and a map view that frames the warnings.
import type { ElephantPath, Event, LonLat } from '@toc/server/schemas';
import { groundDistanceM } from '@toc/server/geometry/local-metres';
import { asNumber, warnedPlaces, warningRadiusM, type WarnedPlace } from '../format/warned-places';

export { warnedPlaces, warningRadiusM, type WarnedPlace };

export const ELEPHANT_EVENT_TYPES = ['elephant.sighting', 'elephant.warning'] as const;
/** "Current" means reported within this window (the 24 h). */
export const CURRENT_WINDOW_MS = 24 * 3600_000;

export interface NearestPlace extends WarnedPlace {
  warningId: number;
}

export interface ElephantSituation {
  /** Sightings reported in the window and not closed, newest first. */
  sightings: Event[];
  /** Warnings in force (open or acknowledged, not ended), newest first. */
  warnings: Event[];
  /** Distinct places named by the open warnings. */
  placesWarned: number;
  nearest: NearestPlace | null;
}

const isOpen = (e: Event) => e.status === 'open' || e.status === 'acknowledged';
/** By first report: an operator's acknowledgement also moves `updatedAt`, and must not reorder the list. */
const newestFirst = (a: Event, b: Event) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.id - a.id;

export const isElephantEvent = (e: Event) => e.type === 'elephant.sighting' || e.type === 'elephant.warning';
export const isActiveWarning = (e: Event) => e.type === 'elephant.warning' && e.endedAt === null && isOpen(e);

/** One event per id from several sources (API page, live store): the highest seq is the newest state. */
export function mergeBySeq(...lists: (readonly Event[])[]): Event[] {
  const byId = new Map<number, Event>();
  for (const list of lists) {
    for (const event of list) {
      const held = byId.get(event.id);
      if (!held || held.seq < event.seq) byId.set(event.id, event);
    }
  }
  return [...byId.values()];
}

export function isCurrentSighting(e: Event, now: number): boolean {
  return e.type === 'elephant.sighting' && isOpen(e) && now - Date.parse(e.updatedAt) <= CURRENT_WINDOW_MS;
}

export const warningSightingId = (warning: Event) => asNumber(warning.payload.sightingEventId);
/** Every sighting of the herd the warning covers (one warning per herd); older warnings name only the one. */
export function warningSightingIds(warning: Event): number[] {
  const list = Array.isArray(warning.payload.sightingEventIds) ? (warning.payload.sightingEventIds as unknown[]) : [];
  const ids = list.map(asNumber).filter((id): id is number => id !== null);
  const latest = warningSightingId(warning);
  return latest === null || ids.includes(latest) ? ids : [...ids, latest];
}
export const warningPathId = (e: Event) => asNumber(e.payload.pathId);
/** How many elephants the sighting counted (at least one). */
export const elephantCount = (e: Event) => Math.max(1, asNumber(e.payload.count) ?? 1);

export function selectSituation(events: readonly Event[], now: number): ElephantSituation {
  const sightings = events.filter((e) => isCurrentSighting(e, now)).sort(newestFirst);
  const warnings = events.filter(isActiveWarning).sort(newestFirst);
  const placeIds = new Set<number>();
  let nearest: NearestPlace | null = null;
  for (const warning of warnings) {
    for (const place of warnedPlaces(warning)) {
      placeIds.add(place.id);
      if (!nearest || place.distanceM < nearest.distanceM) nearest = { ...place, warningId: warning.id };
    }
  }
  return { sightings, warnings, placesWarned: placeIds.size, nearest };
}

/** What the map shows: the open warnings and the current sightings, nothing else. */
export function mapEvents(situation: ElephantSituation): Event[] {
  return [...situation.warnings, ...situation.sightings];
}

/** Paths worth drawing: those of open warnings and current sightings. */
export function relevantPaths(paths: readonly ElephantPath[], situation: ElephantSituation): ElephantPath[] {
  const ids = new Set(mapEvents(situation).map(warningPathId).filter((id): id is number => id !== null));
  const sightingIds = new Set(situation.sightings.map((s) => s.id));
  return paths.filter((p) => ids.has(p.id) || p.sightings.some((id) => sightingIds.has(id)));
}

export interface PathStep {
  sightingId: number;
  /** When the herd was first and last reported there; null when the sighting is not loaded. */
  firstSeen: string | null;
  lastSeen: string | null;
  location: LonLat | null;
  /** Distance from the previous step; null for the first step or an unknown location. */
  movedM: number | null;
  sighting: Event | null;
}

export interface PathSummary {
  pathId: number;
  steps: PathStep[];
  /** Along the whole recorded line. */
  totalM: number;
  startedAt: string;
  updatedAt: string;
}

function lineLengthM(points: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += groundDistanceM(points[i - 1]!, points[i]!);
  return total;
}

/**
 * A path as the sightings in the order they joined it. A sighting updated by a later image (the herd came back to
 * the same trap) joins again; it is listed once, where it last joined, so the order follows where the herd went.
 */
export function summarizePath(path: ElephantPath, eventsById: ReadonlyMap<number, Event>): PathSummary {
  const order = path.sightings.filter((id, i) => path.sightings.indexOf(id, i + 1) === -1);
  const steps: PathStep[] = [];
  let previous: LonLat | null = null;
  for (const sightingId of order) {
    const sighting = eventsById.get(sightingId) ?? null;
    const location = sighting?.location ?? null;
    const movedM = previous && location ? groundDistanceM(previous, location) : null;
    steps.push({ sightingId, firstSeen: sighting?.startedAt ?? null, lastSeen: sighting?.updatedAt ?? null, location, movedM, sighting });
    if (location) previous = location;
  }
  return { pathId: path.id, steps, totalM: lineLengthM(path.points), startedAt: path.startedAt, updatedAt: path.updatedAt };
}

export interface MapFraming {
  center: [number, number];
  zoom: number;
}

/** Zoom levels between which the framing stays: the whole province, and close enough to read villages. */
const MIN_ZOOM = 8;
const MAX_ZOOM = 11;
/** Web-Mercator metres per pixel at zoom 0 on the equator. */
const EQUATOR_M_PER_PX = 156_543.03;

/**
 * A centre and zoom showing every warning circle whole (or the sightings when there is no warning) in a map about
 * `viewPx` pixels across; null when there is nothing to frame.
 */
export function frameSituation(situation: ElephantSituation, viewPx = 600): MapFraming | null {
  const circles = situation.warnings.filter((w) => w.location).map((w) => ({ at: w.location!, r: warningRadiusM(w) }));
  const items = circles.length > 0 ? circles : situation.sightings.filter((s) => s.location).map((s) => ({ at: s.location!, r: 3_000 }));
  if (items.length === 0) return null;
  const rad = Math.PI / 180;
  const metresPerDegLat = 111_320;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const { at, r } of items) {
    const dLat = r / metresPerDegLat;
    const dLon = r / (metresPerDegLat * Math.cos(at.lat * rad));
    minLon = Math.min(minLon, at.lon - dLon);
    maxLon = Math.max(maxLon, at.lon + dLon);
    minLat = Math.min(minLat, at.lat - dLat);
    maxLat = Math.max(maxLat, at.lat + dLat);
  }
  const center: [number, number] = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  const spanM = Math.max((maxLat - minLat) * metresPerDegLat, (maxLon - minLon) * metresPerDegLat * Math.cos(center[1] * rad));
  const zoom = Math.log2((EQUATOR_M_PER_PX * Math.cos(center[1] * rad) * viewPx) / spanM);
  return { center, zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor(zoom * 4) / 4)) };
}
