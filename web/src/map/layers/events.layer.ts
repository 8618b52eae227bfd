// Live events: a disc coloured by severity with the type's pictogram; unacknowledged ones are larger, ringed in
// white with a halo and drawn on top; acknowledged ones fade, closed ones fade further.
import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import { EVENT_TYPES, SEVERITIES, type Event, type EventType } from '@toc/server/schemas';
import { eventIconId } from '../icons/map-icons';
import { EVENT_STATUS_OPACITY, SEVERITY_COLORS, SEVERITY_RADIUS, matchProperty } from '../palette';
import { paceLiveUpdate } from './live-update-pacer';
import { setSourceData } from './set-source-data';

export const EVENTS_LAYER_ID = 'events-circle';
export const EVENTS_HALO_ID = 'events-halo';
export const EVENTS_ICON_ID = 'events-icon';
export const EVENT_LAYER_IDS = [EVENTS_HALO_ID, EVENTS_LAYER_ID, EVENTS_ICON_ID] as const;
const SOURCE_ID = 'events';
/** Unacknowledged markers are this much larger than the rest. */
const OPEN_SCALE = 1.3;
/** The pictogram's size in pixels at icon-size 1 (see map-icons). */
const ICON_PX = 16;

/**
 * Only what the map draws or is clicked by: an event's `seq` moves with every repeat folded into it, and a property
 * that changes makes the source re-tile and the whole map repaint (see set-source-data).
 */
export interface EventFeatureProperties {
  id: number;
  type: Event['type'];
  severity: Event['severity'];
  status: Event['status'];
  /** Draw order: unacknowledged above the rest, then by severity. */
  rank: number;
}

const rankOf = (event: Event) => (event.status === 'open' ? 10 : 0) + SEVERITIES.indexOf(event.severity);

export function eventsToGeoJson(events: readonly Event[]): FeatureCollection<Point, EventFeatureProperties> {
  const features: FeatureCollection<Point, EventFeatureProperties>['features'] = [];
  // Oldest first, so among equals the newest is drawn on top.
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (!event?.location) continue;
    features.push({
      type: 'Feature',
      id: event.id,
      geometry: { type: 'Point', coordinates: [event.location.lon, event.location.lat] },
      properties: { id: event.id, type: event.type, severity: event.severity, status: event.status, rank: rankOf(event) },
    });
  }
  return { type: 'FeatureCollection', features };
}

const isOpen: ExpressionSpecification = ['==', ['get', 'status'], 'open'];
const baseRadius = () => matchProperty('severity', SEVERITY_RADIUS, SEVERITY_RADIUS.medium);
const markerRadius = (): ExpressionSpecification => ['case', isOpen, ['*', OPEN_SCALE, baseRadius()], baseRadius()];
const byZoom = (value: ExpressionSpecification): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 9, value, 15, ['*', 1.6, value]];
const severityColor = () => matchProperty('severity', SEVERITY_COLORS, SEVERITY_COLORS.medium);
const iconIds = Object.fromEntries(EVENT_TYPES.map((type) => [type, eventIconId(type)])) as Record<EventType, string>;
const statusOpacity = () => matchProperty('status', EVENT_STATUS_OPACITY, 0.9);

export function addEventsLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: eventsToGeoJson([]) });
  map.addLayer({
    id: EVENTS_HALO_ID,
    type: 'circle',
    source: SOURCE_ID,
    filter: isOpen,
    paint: {
      'circle-color': severityColor(),
      'circle-radius': byZoom(['+', 7, markerRadius()]),
      'circle-opacity': 0.35,
      'circle-blur': 0.6,
    },
  });
  map.addLayer({
    id: EVENTS_LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    layout: { 'circle-sort-key': ['get', 'rank'] },
    paint: {
      'circle-color': severityColor(),
      'circle-radius': byZoom(markerRadius()),
      'circle-opacity': statusOpacity(),
      'circle-stroke-color': ['case', isOpen, '#ffffff', '#0b1220'],
      'circle-stroke-width': ['case', isOpen, 2.5, 1],
      'circle-stroke-opacity': statusOpacity(),
    },
  });
  map.addLayer({
    id: EVENTS_ICON_ID,
    type: 'symbol',
    source: SOURCE_ID,
    layout: {
      'icon-image': matchProperty('type', iconIds, eventIconId('traffic.incident')),
      // The pictogram fills about three quarters of the disc.
      'icon-size': byZoom(['/', ['*', 1.5, markerRadius()], ICON_PX]),
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'icon-opacity': statusOpacity() },
  });
}

export function setEvents(map: MapLibreMap, events: readonly Event[]): void {
  paceLiveUpdate(map, SOURCE_ID, () => setSourceData(map, SOURCE_ID, eventsToGeoJson(events)));
}
