// A replayed bus track: the whole path as a line and a marker with a heading arrow where the bus was at the
// replay time. Added when the replay opens and removed when it closes (on top of every other layer).
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import { BUS_ARROW_ICON_ID } from '../icons/map-icons';
import { setSourceData } from './set-source-data';

export const BUS_REPLAY_PATH_ID = 'bus-replay-path';
export const BUS_REPLAY_MARKER_ID = 'bus-replay-marker';
const BUS_REPLAY_ARROW_ID = 'bus-replay-arrow';
const PATH_SOURCE = 'bus-replay-path';
const MARKER_SOURCE = 'bus-replay-marker';
const REPLAY_COLOR = '#facc15';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface ReplayMarker {
  lon: number;
  lat: number;
  bearingDeg: number | null;
}

export function addBusReplayLayers(map: MapLibreMap): void {
  if (map.getSource(PATH_SOURCE)) return;
  map.addSource(PATH_SOURCE, { type: 'geojson', data: EMPTY });
  map.addSource(MARKER_SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: BUS_REPLAY_PATH_ID,
    type: 'line',
    source: PATH_SOURCE,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': REPLAY_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 15, 5], 'line-opacity': 0.9 },
  });
  map.addLayer({
    id: BUS_REPLAY_MARKER_ID,
    type: 'circle',
    source: MARKER_SOURCE,
    paint: { 'circle-color': REPLAY_COLOR, 'circle-radius': 9, 'circle-stroke-color': '#0b1220', 'circle-stroke-width': 2 },
  });
  map.addLayer({
    id: BUS_REPLAY_ARROW_ID,
    type: 'symbol',
    source: MARKER_SOURCE,
    filter: ['get', 'moving'],
    layout: {
      'icon-image': BUS_ARROW_ICON_ID,
      'icon-rotate': ['get', 'heading'],
      'icon-rotation-alignment': 'map',
      'icon-offset': [0, -22],
      'icon-size': 0.8,
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
}

export function removeBusReplayLayers(map: MapLibreMap): void {
  for (const id of [BUS_REPLAY_ARROW_ID, BUS_REPLAY_MARKER_ID, BUS_REPLAY_PATH_ID]) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of [MARKER_SOURCE, PATH_SOURCE]) if (map.getSource(id)) map.removeSource(id);
}

export function setReplayPath(map: MapLibreMap, coordinates: readonly [number, number][]): void {
  const path: Feature<LineString> = { type: 'Feature', geometry: { type: 'LineString', coordinates: [...coordinates] }, properties: {} };
  setSourceData(map, PATH_SOURCE, coordinates.length > 1 ? { type: 'FeatureCollection', features: [path] } : EMPTY);
}

export function setReplayMarker(map: MapLibreMap, marker: ReplayMarker | null): void {
  const feature: Feature<Point> | null = marker && {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [marker.lon, marker.lat] },
    properties: { heading: marker.bearingDeg ?? 0, moving: marker.bearingDeg !== null },
  };
  setSourceData(map, MARKER_SOURCE, feature ? { type: 'FeatureCollection', features: [feature] } : EMPTY);
}
