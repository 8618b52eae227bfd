// The layer groups an operator can switch on and off, the map layers in each, and their remembered state.
import type { MapLibreMap } from 'maplibre-gl';
import { BASEMAP_LAYER_IDS } from './layers/basemap.layer';
import { BUS_ROUTE_LAYER_IDS } from './layers/bus-routes.layer';
import { BUS_STOP_LAYER_IDS } from './layers/bus-stops.layer';
import { BUS_LAYER_IDS } from './layers/buses.layer';
import { CAMERA_LAYER_IDS } from './layers/cameras.layer';
import { CRASHES_24H_LAYER_IDS } from './layers/crashes-24h.layer';
import { CROWD_LAYER_IDS } from './layers/crowd-zones.layer';
import { ELEPHANT_LAYER_IDS } from './layers/elephants.layer';
import { EVENT_LAYER_IDS } from './layers/events.layer';
import { EVENT_TRACK_LAYER_IDS } from './layers/event-tracks.layer';
import { TRACKED_OBJECT_LAYER_IDS } from './layers/tracked-objects.layer';

export const LAYER_GROUPS = [
  'events',
  'crashes24h',
  'cameras',
  'objects',
  'crowd',
  'elephants',
  'buses',
  'boundaries',
  'roads',
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];
export type LayerVisibility = Record<LayerGroup, boolean>;

export const GROUP_LAYER_IDS: Record<LayerGroup, readonly string[]> = {
  events: [...EVENT_LAYER_IDS, ...EVENT_TRACK_LAYER_IDS],
  crashes24h: CRASHES_24H_LAYER_IDS,
  cameras: CAMERA_LAYER_IDS,
  objects: TRACKED_OBJECT_LAYER_IDS,
  crowd: CROWD_LAYER_IDS,
  elephants: ELEPHANT_LAYER_IDS,
  buses: [...BUS_ROUTE_LAYER_IDS, ...BUS_STOP_LAYER_IDS, ...BUS_LAYER_IDS],
  boundaries: [BASEMAP_LAYER_IDS.districtsFill, BASEMAP_LAYER_IDS.districtsLine, BASEMAP_LAYER_IDS.subdistrictsLine],
  roads: [BASEMAP_LAYER_IDS.roadsLine],
};

export const ALL_VISIBLE: LayerVisibility = Object.fromEntries(LAYER_GROUPS.map((group) => [group, true])) as LayerVisibility;

/** Reads a stored state, tolerating anything: unknown groups are dropped, missing ones are shown. */
export function parseVisibility(stored: string | null): LayerVisibility {
  const visibility = { ...ALL_VISIBLE };
  if (!stored) return visibility;
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object') return visibility;
    for (const group of LAYER_GROUPS) {
      const value = (parsed as Record<string, unknown>)[group];
      if (typeof value === 'boolean') visibility[group] = value;
    }
  } catch {
    // A damaged entry falls back to everything shown.
  }
  return visibility;
}

export function applyVisibility(map: MapLibreMap, visibility: LayerVisibility): void {
  for (const group of LAYER_GROUPS) {
    const value = visibility[group] ? 'visible' : 'none';
    for (const id of GROUP_LAYER_IDS[group]) {
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== value) map.setLayoutProperty(id, 'visibility', value);
    }
  }
}
