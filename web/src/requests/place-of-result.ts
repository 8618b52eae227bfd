// The place a search result gives the request form: a point as it is, an area as its centre and a radius covering it.
import { distance } from '@turf/turf';
import type { LonLat } from '@toc/server/schemas';
import { boundsCenter, type Bounds } from '../map/geo/bounds';
import type { SearchTarget } from '../map/search/search-index';
import { MAX_RADIUS_M } from './request-draft';

/** Whole metres from the box's centre to its farthest corner, at least 1 and at most the server's limit. */
export function radiusCoveringBounds(bounds: Bounds): number {
  const [west, south, east, north] = bounds;
  const centre = boundsCenter(bounds);
  const corners = [[west, south], [west, north], [east, south], [east, north]];
  const farthest = Math.max(...corners.map((corner) => distance(centre, corner, { units: 'meters' })));
  return Math.min(MAX_RADIUS_M, Math.max(1, Math.ceil(farthest)));
}

/** A point keeps the radius the user has (null); an area sets its own. */
export function placeOfTarget(target: SearchTarget): { place: LonLat; radiusM: number | null } {
  if ('center' in target) return { place: { lon: target.center[0], lat: target.center[1] }, radiusM: null };
  const [lon, lat] = boundsCenter(target.bounds);
  return { place: { lon, lat }, radiusM: radiusCoveringBounds(target.bounds) };
}
