// The finder's map geometry: each proposed camera's view wedge (long enough to reach the place, 80–150 m), and
// the place's uncertainty circle, as GeoJSON for MapLibre.
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { FinderBasis, FootageSearch, FoundCamera } from '@toc/server/schemas';
import { circleRing } from '../map/geo/circle';
import { fovCone } from '../map/geo/fov-cone';

export const CONE_MIN_M = 80;
export const CONE_MAX_M = 150;
/** Past the place a little, so the wedge visibly covers it. */
const CONE_REACH = 1.25;

export interface ConeProperties {
  cameraId: number;
  rank: number;
  basis: FinderBasis;
}

/** How far a camera's wedge is drawn: just beyond the place, but never a speck nor across the town. */
export function coneLengthM(distanceM: number): number {
  const wanted = Number.isFinite(distanceM) ? distanceM * CONE_REACH : CONE_MAX_M;
  return Math.min(CONE_MAX_M, Math.max(CONE_MIN_M, wanted));
}

export function cameraCone(camera: FoundCamera): Feature<Polygon, ConeProperties> {
  return {
    type: 'Feature',
    // Numeric feature ids let the map highlight a wedge with feature state.
    id: camera.cameraId,
    geometry: {
      type: 'Polygon',
      coordinates: [
        fovCone(camera.location, camera.headingDeg, camera.fovDeg, coneLengthM(camera.distanceM)),
      ],
    },
    properties: { cameraId: camera.cameraId, rank: camera.rank, basis: camera.basis },
  };
}

/** Best-ranked last, so its wedge is drawn over the others where they overlap. */
export function cameraCones(cameras: readonly FoundCamera[]): FeatureCollection<Polygon, ConeProperties> {
  const ordered = [...cameras].sort((a, b) => b.rank - a.rank);
  return { type: 'FeatureCollection', features: ordered.map(cameraCone) };
}

/** The place as a point when it is exact, else the circle it may lie anywhere in. */
export function placeArea(search: Pick<FootageSearch, 'place' | 'uncertaintyM'>): Feature<Polygon | Point> {
  const { place, uncertaintyM } = search;
  return uncertaintyM > 0
    ? {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [circleRing(place, uncertaintyM)] },
        properties: {},
      }
    : { type: 'Feature', geometry: { type: 'Point', coordinates: [place.lon, place.lat] }, properties: {} };
}

/** [west, south, east, north] around the place's circle, the cameras' wedges and the events. */
export function finderBounds(search: FootageSearch): [number, number, number, number] {
  const points: number[][] = [[search.place.lon, search.place.lat]];
  const area = placeArea(search).geometry;
  if (area.type === 'Polygon') points.push(...(area.coordinates[0] ?? []));
  for (const cone of cameraCones(search.cameras).features)
    points.push(...(cone.geometry.coordinates[0] ?? []));
  for (const event of search.events) points.push([event.location.lon, event.location.lat]);
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
