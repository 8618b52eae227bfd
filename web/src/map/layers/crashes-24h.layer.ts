// Crashes and camera traffic incidents of the last 24 hours: a disc coloured by severity; crashes ringed dark,
// camera incidents (not yet in the crash store) ringed white and a little see-through.
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import type { CrashSeverityClass, LiveCrashCollection } from '@toc/server/schemas';
import { SEVERITY_COLORS, matchProperty } from '../palette';
import { paceLiveUpdate } from './live-update-pacer';
import { setSourceData } from './set-source-data';

export const CRASHES_24H_LAYER_ID = 'crashes-24h';
export const CRASHES_24H_LAYER_IDS = [CRASHES_24H_LAYER_ID] as const;
const SOURCE_ID = 'crashes-24h';

/** A crash's colour by its worst outcome; an incident's comes from the event severities. */
export const CRASH_CLASS_COLORS: Record<CrashSeverityClass, string> = {
  fatal: '#b91c1c',
  serious: '#ea580c',
  minor: '#eab308',
  damage_only: '#a3a3a3',
};

const EMPTY: LiveCrashCollection = {
  type: 'FeatureCollection',
  since: new Date(0).toISOString(),
  features: [],
};
const isIncident: ExpressionSpecification = ['==', ['get', 'kind'], 'incident'];

export function addCrashes24hLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: CRASHES_24H_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    // Fatal crashes drawn above the rest.
    layout: { 'circle-sort-key': ['coalesce', ['get', 'deaths'], 0] },
    paint: {
      'circle-color': matchProperty('severity', { ...SEVERITY_COLORS, ...CRASH_CLASS_COLORS }, '#a3a3a3'),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 5, 15, 9],
      'circle-opacity': ['case', isIncident, 0.75, 0.95],
      'circle-stroke-color': ['case', isIncident, '#ffffff', '#0b1220'],
      'circle-stroke-width': ['case', isIncident, 2.5, 1.5],
    },
  });
}

export function setCrashes24h(map: MapLibreMap, crashes: LiveCrashCollection | null): void {
  paceLiveUpdate(map, SOURCE_ID, () => setSourceData(map, SOURCE_ID, crashes ?? EMPTY));
}
