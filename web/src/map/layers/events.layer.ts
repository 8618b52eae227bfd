// Live events as circles: colour by type, size by severity, faded once acknowledged or resolved.
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import type { Event } from '@toc/server/schemas';
import { EVENT_STATUS_OPACITY, EVENT_TYPE_COLORS, SEVERITY_RADIUS, matchProperty } from '../palette';

export const EVENTS_LAYER_ID = 'events-circle';
const SOURCE_ID = 'events';

export interface EventFeatureProperties {
  id: number;
  seq: number;
  type: Event['type'];
  severity: Event['severity'];
  status: Event['status'];
}

export function eventsToGeoJson(events: readonly Event[]): FeatureCollection<Point, EventFeatureProperties> {
  const features: FeatureCollection<Point, EventFeatureProperties>['features'] = [];
  // Oldest first, so the newest circles are drawn on top.
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (!event?.location) continue;
    features.push({
      type: 'Feature',
      id: event.id,
      geometry: { type: 'Point', coordinates: [event.location.lon, event.location.lat] },
      properties: { id: event.id, seq: event.seq, type: event.type, severity: event.severity, status: event.status },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function addEventsLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: eventsToGeoJson([]) });
  const radius = matchProperty('severity', SEVERITY_RADIUS, SEVERITY_RADIUS.medium);
  map.addLayer({
    id: EVENTS_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    paint: {
      'circle-color': matchProperty('type', EVENT_TYPE_COLORS, '#e5e7eb'),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, radius, 15, ['*', 2, radius]],
      'circle-opacity': matchProperty('status', EVENT_STATUS_OPACITY, 0.9),
      'circle-stroke-color': ['case', ['==', ['get', 'status'], 'open'], '#ffffff', '#0b1220'],
      'circle-stroke-width': ['case', ['==', ['get', 'status'], 'open'], 2, 1],
      'circle-stroke-opacity': matchProperty('status', EVENT_STATUS_OPACITY, 0.9),
    },
  });
}

export function setEvents(map: MapLibreMap, events: readonly Event[]): void {
  void map.getSource<GeoJSONSource>(SOURCE_ID)?.setData(eventsToGeoJson(events));
}
