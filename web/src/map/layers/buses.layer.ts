// Buses on their routes (hook for the GPS bus feature): a disc in the route colour with an arrow to the heading.
// The layer starts empty; the GPS feature calls `setBuses` with the latest positions.
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import { BUS_ARROW_ICON_ID } from '../icons/map-icons';

export const BUSES_LAYER_ID = 'buses-circle';
export const BUSES_ARROW_ID = 'buses-arrow';
export const BUS_LAYER_IDS = [BUSES_LAYER_ID, BUSES_ARROW_ID] as const;
const SOURCE_ID = 'buses';
const FALLBACK_COLOR = '#a78bfa';

export interface BusPosition {
  id: string;
  /** Route short name as shown to passengers. */
  route: string;
  lon: number;
  lat: number;
  /** Degrees clockwise from north; null when standing or unknown. */
  headingDeg: number | null;
  /** CSS colour of the route (#rrggbb). */
  color: string;
}

const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

export function busesToGeoJson(buses: readonly BusPosition[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: buses.map((bus) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [bus.lon, bus.lat] },
      properties: {
        id: bus.id,
        route: bus.route,
        color: COLOR_PATTERN.test(bus.color) ? bus.color : FALLBACK_COLOR,
        heading: bus.headingDeg ?? 0,
        moving: bus.headingDeg !== null,
      },
    })),
  };
}

export function addBusesLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: busesToGeoJson([]) });
  map.addLayer({
    id: BUSES_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    paint: {
      'circle-color': ['get', 'color'],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 6, 15, 11],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: BUSES_ARROW_ID,
    type: 'symbol',
    source: SOURCE_ID,
    filter: ['get', 'moving'],
    layout: {
      'icon-image': BUS_ARROW_ICON_ID,
      'icon-rotate': ['get', 'heading'],
      'icon-rotation-alignment': 'map',
      'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 15, 0.9],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
}

export function setBuses(map: MapLibreMap, buses: readonly BusPosition[]): void {
  void map.getSource<GeoJSONSource>(SOURCE_ID)?.setData(busesToGeoJson(buses));
}
