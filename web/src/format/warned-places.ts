// The places an elephant warning names, read from its payload once for every view (detail, wall, map, elephant page).
import type { Event, LonLat } from '@toc/server/schemas';
import { compass, type CompassPoint } from '@toc/server/geometry/local-metres';

export interface WarnedPlace {
  id: number;
  name: string;
  nameTh: string;
  district: string | null;
  districtTh: string | null;
  location: LonLat | null;
  distanceM: number;
  /** Compass point from the herd to the place; the label comes from the UI language. */
  direction: CompassPoint;
}

export const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function asLonLat(v: unknown): LonLat | null {
  const p = v as { lon?: unknown; lat?: unknown } | null;
  const lon = asNumber(p?.lon);
  const lat = asNumber(p?.lat);
  return lon !== null && lat !== null ? { lon, lat } : null;
}

/** The places a warning names, nearest first; entries that do not look like places are skipped. */
export function warnedPlaces(warning: Event): WarnedPlace[] {
  const raw = Array.isArray(warning.payload.places) ? (warning.payload.places as unknown[]) : [];
  const places: WarnedPlace[] = [];
  for (const item of raw) {
    const p = item as Record<string, unknown>;
    const distanceM = asNumber(p.distanceM);
    const name = asText(p.name);
    const nameTh = asText(p.nameTh);
    if (distanceM === null || name === null || nameTh === null) continue;
    const bearing = asNumber(p.bearingDeg);
    const given = asText((p.direction as Record<string, unknown> | undefined)?.en);
    places.push({
      id: asNumber(p.id) ?? -places.length - 1,
      name,
      nameTh,
      district: asText(p.district),
      districtTh: asText(p.districtTh),
      location: asLonLat(p.location),
      distanceM,
      direction: bearing !== null ? compass(bearing).en : ((given as CompassPoint | null) ?? 'N'),
    });
  }
  return places.sort((a, b) => a.distanceM - b.distanceM);
}

/** The i18n key of a compass point ("to the north-east" in the chosen language). */
export const compassKey = (point: CompassPoint) => `elephants.compass.${point}` as const;

/** The province's Wild Elephant Alarm radius, for warnings whose payload does not carry its own. */
const DEFAULT_RADIUS_M = 10_000;

export const warningRadiusM = (warning: Event) => asNumber(warning.payload.radiusM) ?? DEFAULT_RADIUS_M;
