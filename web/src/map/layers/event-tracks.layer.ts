// The opened event's objects on the ground: how the tracks involved moved before it (from the event's `paths`).
import type { FeatureCollection, LineString } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import type { Event } from '@toc/server/schemas';
import { setSourceData } from './set-source-data';

export const EVENT_TRACKS_LAYER_ID = 'event-tracks-line';
export const EVENT_TRACK_LAYER_IDS = [EVENT_TRACKS_LAYER_ID] as const;
const SOURCE_ID = 'event-tracks';

interface PayloadPath {
  trackId: number;
  label: string;
  path: [number, number][];
}

function isPath(value: unknown): value is PayloadPath {
  const p = value as PayloadPath;
  return (
    typeof p?.trackId === 'number' &&
    Array.isArray(p.path) &&
    p.path.length >= 2 &&
    p.path.every((pt) => Array.isArray(pt) && Number.isFinite(pt[0]) && Number.isFinite(pt[1]))
  );
}

/** The event's track paths as lines (none for events without calibrated tracks). */
export function eventTracksToGeoJson(event: Event | null): FeatureCollection<LineString> {
  const paths = Array.isArray(event?.payload.paths) ? event.payload.paths.filter(isPath) : [];
  return {
    type: 'FeatureCollection',
    features: paths.map((p) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: p.path },
      properties: { eventId: event!.id, trackId: p.trackId, label: p.label },
    })),
  };
}

export function addEventTracksLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: eventTracksToGeoJson(null) });
  map.addLayer({
    id: EVENT_TRACKS_LAYER_ID,
    type: 'line',
    source: SOURCE_ID,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ff3b30', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 18, 6], 'line-opacity': 0.9 },
  });
}

export function setEventTracks(map: MapLibreMap, event: Event | null): void {
  setSourceData(map, SOURCE_ID, eventTracksToGeoJson(event));
}
