// Bus route lines in the route colour, on a dark casing so light colours read on the basemap; below the markers.
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import { setSourceData } from './set-source-data';

export const BUS_ROUTES_CASING_ID = 'bus-routes-casing';
export const BUS_ROUTES_LINE_ID = 'bus-routes-line';
export const BUS_ROUTE_LAYER_IDS = [BUS_ROUTES_CASING_ID, BUS_ROUTES_LINE_ID] as const;
const SOURCE_ID = 'bus-routes';
const FALLBACK_COLOR = '#a78bfa';
const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

export interface BusRouteLine {
  feedId: number;
  routeId: string;
  shortName: string;
  /** #rrggbb */
  color: string | null;
  geometry: LineString | MultiLineString;
}

export function busRoutesToGeoJson(routes: readonly BusRouteLine[]): FeatureCollection<LineString | MultiLineString> {
  return {
    type: 'FeatureCollection',
    features: routes.map((route) => ({
      type: 'Feature',
      geometry: route.geometry,
      properties: {
        feedId: route.feedId,
        routeId: route.routeId,
        shortName: route.shortName,
        color: route.color && COLOR_PATTERN.test(route.color) ? route.color : FALLBACK_COLOR,
      },
    })),
  };
}

export function addBusRoutesLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: busRoutesToGeoJson([]) });
  map.addLayer({
    id: BUS_ROUTES_CASING_ID,
    type: 'line',
    source: SOURCE_ID,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': '#0b1220',
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 15, 8],
      'line-opacity': 0.7,
    },
  });
  map.addLayer({
    id: BUS_ROUTES_LINE_ID,
    type: 'line',
    source: SOURCE_ID,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['get', 'color'],
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 15, 5],
      'line-opacity': 0.85,
    },
  });
}

export function setBusRoutes(map: MapLibreMap, routes: readonly BusRouteLine[]): void {
  setSourceData(map, SOURCE_ID, busRoutesToGeoJson(routes));
}
