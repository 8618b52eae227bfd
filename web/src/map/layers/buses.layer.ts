// Buses on their routes: a disc in the route colour with a bus (or, for electric buses, a lightning bolt) inside
// and an arrow ahead of it turned to the heading. Off-route buses get an orange ring, stale ones are faded.
// No text: the offline style has no glyphs, so fleet numbers live in the popup.
import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import { BUS_ARROW_ICON_ID, busIconId } from '../icons/map-icons';
import { BUS_CONDITION_RING } from '../palette';
import { paceLiveUpdate } from './live-update-pacer';
import { setSourceData } from './set-source-data';

export const BUSES_LAYER_ID = 'buses-circle';
export const BUSES_ICON_ID = 'buses-icon';
export const BUSES_ARROW_ID = 'buses-arrow';
export const BUS_LAYER_IDS = [BUSES_LAYER_ID, BUSES_ICON_ID, BUSES_ARROW_ID] as const;
const SOURCE_ID = 'buses';
const FALLBACK_COLOR = '#a78bfa';

/** How the operator should read a bus: in service as planned, away from its route, or not heard from lately. */
export type BusCondition = 'normal' | 'off_route' | 'stale';

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
  electric?: boolean;
  condition?: BusCondition;
}

const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

export function busesToGeoJson(buses: readonly BusPosition[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: buses.map((bus) => {
      const condition = bus.condition ?? 'normal';
      const electric = bus.electric ?? false;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [bus.lon, bus.lat] },
        properties: {
          id: bus.id,
          route: bus.route,
          color: COLOR_PATTERN.test(bus.color) ? bus.color : FALLBACK_COLOR,
          heading: bus.headingDeg ?? 0,
          moving: bus.headingDeg !== null,
          icon: busIconId(electric),
          electric,
          condition,
          // Electric buses keep a green ring unless something needs the operator's eye.
          ring: condition === 'normal' && electric ? BUS_CONDITION_RING.electric : BUS_CONDITION_RING[condition],
        },
      };
    }),
  };
}

const faded = (normal: number, stale: number): ExpressionSpecification => [
  'case',
  ['==', ['get', 'condition'], 'stale'],
  stale,
  normal,
];

export function addBusesLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: busesToGeoJson([]) });
  map.addLayer({
    id: BUSES_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    paint: {
      'circle-color': ['get', 'color'],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 7, 15, 13],
      'circle-opacity': faded(1, 0.4),
      'circle-stroke-color': ['get', 'ring'],
      'circle-stroke-width': ['case', ['==', ['get', 'condition'], 'off_route'], 3.5, ['get', 'electric'], 2.5, 1.5],
      'circle-stroke-opacity': faded(1, 0.6),
    },
  });
  map.addLayer({
    id: BUSES_ICON_ID,
    type: 'symbol',
    source: SOURCE_ID,
    layout: {
      'icon-image': ['get', 'icon'],
      'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.7, 15, 1.3],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-opacity': faded(1, 0.5) },
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
      'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.55, 15, 0.85],
      // In icon pixels, turned with the icon: the arrow sits just ahead of the disc, in the direction of travel.
      'icon-offset': [0, -24],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-opacity': faded(1, 0.5) },
  });
}

export function setBuses(map: MapLibreMap, buses: readonly BusPosition[]): void {
  paceLiveUpdate(map, SOURCE_ID, () => setSourceData(map, SOURCE_ID, busesToGeoJson(buses)));
}
