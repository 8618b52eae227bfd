// The transit read API as the bus layer uses it: route lines, stops, arrivals at a stop, track export and stop-call URLs.
import type { LineString, MultiLineString } from 'geojson';
import type { StopArrivalsMessage, TransitRouteCollection, TransitStopCollection, Translations } from '@toc/server/schemas';
import { request } from '../api/http.client';

export interface TransitRoute {
  feedId: number;
  routeId: string;
  shortName: string;
  longName: string;
  /** #rrggbb, or null when the feed gives none. */
  color: string | null;
  names: Translations;
  geometry: LineString | MultiLineString;
}

export interface TransitStop {
  feedId: number;
  stopId: string;
  lon: number;
  lat: number;
  name: string;
  names: Translations;
}

/** GTFS writes colours as six hex digits without '#'. */
function cssColor(gtfsColor: string | null): string | null {
  return gtfsColor && /^[0-9a-f]{6}$/i.test(gtfsColor) ? `#${gtfsColor}` : null;
}

export async function fetchTransitRoutes(signal?: AbortSignal): Promise<TransitRoute[]> {
  const collection = await request<TransitRouteCollection>('api/transit/routes', { signal });
  return collection.features.flatMap(({ geometry, properties: p }) =>
    // A route without shapes has nothing to draw.
    geometry
      ? [
          {
            feedId: p.feedId,
            routeId: p.routeId,
            shortName: p.shortName ?? p.routeId,
            longName: p.longName ?? '',
            color: cssColor(p.color),
            names: p.translations,
            geometry: { type: 'MultiLineString', coordinates: geometry.coordinates },
          },
        ]
      : [],
  );
}

export async function fetchTransitStops(signal?: AbortSignal): Promise<TransitStop[]> {
  const collection = await request<TransitStopCollection>('api/transit/stops', { signal });
  return collection.features
    .filter((f) => f.properties.locationType === 0)
    .map(({ geometry, properties: p }) => ({
      feedId: p.feedId,
      stopId: p.stopId,
      lon: geometry.coordinates[0]!,
      lat: geometry.coordinates[1]!,
      name: p.name,
      names: p.translations,
    }));
}

export function fetchStopArrivals(feedId: number, stopId: string, signal?: AbortSignal): Promise<StopArrivalsMessage> {
  return request<StopArrivalsMessage>(`api/transit/stops/${encodeURIComponent(stopId)}/arrivals`, { query: { feed: feedId }, signal });
}

export type TrackFormat = 'geojson' | 'gpx';

/** Relative to the page, like every API call (a plain link to a track downloads it with the session cookie). */
export function trackUrl(vehicleId: number, from: Date, to: Date, format: TrackFormat): string {
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), format });
  return `api/vehicles/${vehicleId}/track?${query.toString()}`;
}

export function stopCallsUrl(vehicleId: number, from: Date, to: Date): string {
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  return `api/vehicles/${vehicleId}/stop-calls?${query.toString()}`;
}

/** A stop's or route's name in the UI language, falling back to the feed's own name. */
export function localName(names: Translations, fallback: string, language: string): string {
  return names[language] ?? fallback;
}
