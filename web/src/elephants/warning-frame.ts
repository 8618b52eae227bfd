// What "show on map" frames for an elephant warning: the whole warning circle and every place it names.
import { bbox, circle, featureCollection, point } from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import type { Event } from '@toc/server/schemas';
import { asNumber, warnedPlaces } from '../format/warned-places';
import type { Bounds } from '../map/geo/bounds';

/** The default warning distance when a warning does not carry its own (ELEPHANT_WARN_RADIUS_M). */
const DEFAULT_RADIUS_M = 10_000;

export function warningFrame(warning: Event): Bounds | null {
  if (!warning.location) return null;
  const { lon, lat } = warning.location;
  const radiusM = asNumber(warning.payload.radiusM) ?? DEFAULT_RADIUS_M;
  const places = warnedPlaces(warning).flatMap((place) => (place.location ? [point([place.location.lon, place.location.lat])] : []));
  const area: Feature<Polygon | Point>[] = [circle([lon, lat], radiusM / 1000, { units: 'kilometers', steps: 32 }), ...places];
  const [west, south, east, north] = bbox(featureCollection(area));
  return [west, south, east, north] as Bounds;
}
