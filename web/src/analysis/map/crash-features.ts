// Turns the analyses' replies into what the map layers draw: cluster centres and ranked sections as points.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CrashClusterCollection, RoadSection } from '@toc/server/schemas';

export interface ClusterPointProperties {
  clusterId: number;
  crashes: number;
  deaths: number;
  serious: number;
  minor: number;
  epdo: number;
  /** The crash count as the circle shows it. */
  label: string;
}

export interface SectionPointProperties {
  rank: number;
  blackSpot: boolean;
  crashes: number;
  deaths: number;
  epdo: number;
  roadCode: string;
  roadName: string;
  fromKm: number | null;
  toKm: number | null;
}

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A count short enough for a map circle: 1234 stays, 12,345 becomes "12k". */
export function shortCount(count: number): string {
  if (count < 10_000) return String(count);
  return `${Math.round(count / 1000)}k`;
}

const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });

/** One point per cluster at its centroid (the hull is drawn from the reply itself). */
export function clusterPoints(
  clusters: CrashClusterCollection | null,
): FeatureCollection<Point, ClusterPointProperties> {
  const features = (clusters?.features ?? []).map(
    ({ properties: p }): Feature<Point, ClusterPointProperties> => ({
      type: 'Feature',
      geometry: point(p.centroid.lon, p.centroid.lat),
      properties: {
        clusterId: p.clusterId,
        crashes: p.crashes,
        deaths: p.deaths,
        serious: p.serious,
        minor: p.minor,
        epdo: p.epdo,
        label: shortCount(p.crashes),
      },
    }),
  );
  return { type: 'FeatureCollection', features };
}

/** One point per ranked section; text fields as '' rather than null, which MapLibre drops from properties. */
export function sectionPoints(
  sections: readonly RoadSection[],
): FeatureCollection<Point, SectionPointProperties> {
  const features = sections.map((section): Feature<Point, SectionPointProperties> => ({
    type: 'Feature',
    geometry: point(section.location.lon, section.location.lat),
    properties: {
      rank: section.rank,
      blackSpot: section.blackSpot,
      crashes: section.crashes,
      deaths: section.deaths,
      epdo: section.epdo,
      roadCode: section.roadCode ?? '',
      roadName: section.roadName ?? '',
      fromKm: section.fromKm,
      toKm: section.toKm,
    },
  }));
  return { type: 'FeatureCollection', features };
}
