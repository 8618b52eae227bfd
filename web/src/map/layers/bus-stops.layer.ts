// Bus stops: small light discs with a dark edge, shown from town zoom on (a province view would be all dots).
import type { FeatureCollection, Point } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import { BUS_STOP_COLORS } from '../palette';
import { setSourceData } from './set-source-data';

export const BUS_STOPS_LAYER_ID = 'bus-stops-circle';
export const BUS_STOP_LAYER_IDS = [BUS_STOPS_LAYER_ID] as const;
const SOURCE_ID = 'bus-stops';
const MIN_ZOOM = 11;

export interface BusStopPoint {
  feedId: number;
  stopId: string;
  lon: number;
  lat: number;
}

export function busStopsToGeoJson(stops: readonly BusStopPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: stops.map((stop) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] },
      // Only what a click needs to find the stop again.
      properties: { feedId: stop.feedId, stopId: stop.stopId },
    })),
  };
}

export function addBusStopsLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: busStopsToGeoJson([]) });
  map.addLayer({
    id: BUS_STOPS_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    minzoom: MIN_ZOOM,
    paint: {
      'circle-color': BUS_STOP_COLORS.fill,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], MIN_ZOOM, 3, 16, 7],
      'circle-stroke-color': BUS_STOP_COLORS.stroke,
      'circle-stroke-width': 1.5,
    },
  });
}

export function setBusStops(map: MapLibreMap, stops: readonly BusStopPoint[]): void {
  setSourceData(map, SOURCE_ID, busStopsToGeoJson(stops));
}
