// Elephant warnings and movement: the 10 km warning circle around each active warning, the places it names,
// and the herds' paths (a line through consecutive sightings, a dot for each sighting).
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import type { ElephantPath, Event } from '@toc/server/schemas';
import { circleRing } from '../geo/circle';
import { EVENT_TYPE_COLORS } from '../palette';
import { warnedPlaces, warningRadiusM } from '../../format/warned-places';
import { paceLiveUpdate } from './live-update-pacer';
import { setSourceData } from './set-source-data';

export const ELEPHANT_WARNING_FILL_ID = 'elephant-warning-fill';
export const ELEPHANT_PLACES_ID = 'elephant-places-circle';
export const ELEPHANT_PATHS_ID = 'elephant-paths-line';
export const ELEPHANT_SIGHTINGS_ID = 'elephant-sightings-circle';
const ELEPHANT_WARNING_LINE_ID = 'elephant-warning-line';
export const ELEPHANT_LAYER_IDS = [
  ELEPHANT_WARNING_FILL_ID,
  ELEPHANT_WARNING_LINE_ID,
  ELEPHANT_PLACES_ID,
  ELEPHANT_PATHS_ID,
  ELEPHANT_SIGHTINGS_ID,
] as const;
const WARNINGS_SOURCE = 'elephant-warnings';
const PLACES_SOURCE = 'elephant-places';
const PATHS_SOURCE = 'elephant-paths';
const COLOR = EVENT_TYPE_COLORS['elephant.warning'];

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Warnings still in force: not closed by an operator and not ended by the pipeline. */
const active = (event: Event) =>
  event.type === 'elephant.warning' && event.location !== null && event.endedAt === null && (event.status === 'open' || event.status === 'acknowledged');

export function warningsToGeoJson(events: readonly Event[]): { circles: FeatureCollection<Polygon>; places: FeatureCollection<Point> } {
  const circles: Feature<Polygon>[] = [];
  const places: Feature<Point>[] = [];
  for (const event of events.filter(active)) {
    const radiusM = warningRadiusM(event);
    circles.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing(event.location!, radiusM)] }, properties: { id: event.id } });
    for (const { location } of warnedPlaces(event)) {
      if (location) places.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [location.lon, location.lat] }, properties: { warningId: event.id } });
    }
  }
  return { circles: { type: 'FeatureCollection', features: circles }, places: { type: 'FeatureCollection', features: places } };
}

export function pathsToGeoJson(paths: readonly ElephantPath[]): FeatureCollection<LineString | Point> {
  const features: Feature<LineString | Point>[] = [];
  for (const path of paths) {
    const coordinates = path.points.map((p) => [p.lon, p.lat]);
    if (coordinates.length >= 2) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { id: path.id } });
    for (const c of coordinates) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: { id: path.id } });
  }
  return { type: 'FeatureCollection', features };
}

export function addElephantLayers(map: MapLibreMap): void {
  map.addSource(WARNINGS_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(PLACES_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(PATHS_SOURCE, { type: 'geojson', data: empty() });
  map.addLayer({ id: ELEPHANT_WARNING_FILL_ID, type: 'fill', source: WARNINGS_SOURCE, paint: { 'fill-color': COLOR, 'fill-opacity': 0.12 } });
  map.addLayer({
    id: ELEPHANT_WARNING_LINE_ID,
    type: 'line',
    source: WARNINGS_SOURCE,
    paint: { 'line-color': COLOR, 'line-width': 2, 'line-dasharray': [3, 2] },
  });
  map.addLayer({
    id: ELEPHANT_PLACES_ID,
    type: 'circle',
    source: PLACES_SOURCE,
    paint: { 'circle-color': '#fde047', 'circle-radius': 5, 'circle-stroke-color': '#0b1220', 'circle-stroke-width': 1 },
  });
  map.addLayer({
    id: ELEPHANT_PATHS_ID,
    type: 'line',
    source: PATHS_SOURCE,
    filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': EVENT_TYPE_COLORS['elephant.sighting'], 'line-width': 3 },
  });
  map.addLayer({
    id: ELEPHANT_SIGHTINGS_ID,
    type: 'circle',
    source: PATHS_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': EVENT_TYPE_COLORS['elephant.sighting'], 'circle-radius': 4 },
  });
}

export function setElephantWarnings(map: MapLibreMap, events: readonly Event[]): void {
  paceLiveUpdate(map, WARNINGS_SOURCE, () => {
    const { circles, places } = warningsToGeoJson(events);
    setSourceData(map, WARNINGS_SOURCE, circles);
    setSourceData(map, PLACES_SOURCE, places);
  });
}

export function setElephantPaths(map: MapLibreMap, paths: readonly ElephantPath[]): void {
  setSourceData(map, PATHS_SOURCE, pathsToGeoJson(paths));
}
