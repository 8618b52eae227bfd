// Client of the planners' crash analyses: breakdowns, road-section ranking, hot spots, clusters, before/after, areas,
// and the URLs of the heatmap tiles and the downloads (fetched with the session cookie, like every API call).
import type {
  AreaList,
  BeforeAfterReply,
  CrashBreakdown,
  CrashClusterCollection,
  CrashHotspotReply,
  RoadSectionsReply,
} from '@toc/server/schemas';
import { request, type Query } from '../api/http.client';
import { crashFilterQuery, crashQueryString, type CrashFilterState } from './crash-filter-state';

type Extra = Record<string, string | number | boolean | undefined>;
const query = (filter: CrashFilterState, extra: Extra = {}): Query => ({
  ...crashFilterQuery(filter),
  ...extra,
});

export const fetchBreakdown = (filter: CrashFilterState, signal?: AbortSignal) =>
  request<CrashBreakdown>('api/crashes/breakdown', { query: query(filter), signal });

/** extra: lengthM, stepM, weights, rankBy, minCrashes, minDeaths, basis, overlapping, limit. */
export const fetchRoadSections = (filter: CrashFilterState, extra: Extra, signal?: AbortSignal) =>
  request<RoadSectionsReply>('api/crashes/road-sections', { query: query(filter, extra), signal });

export const fetchHotspots = (filter: CrashFilterState, extra: Extra = {}, signal?: AbortSignal) =>
  request<CrashHotspotReply>('api/crashes/hotspots', { query: query(filter, extra), signal });

/** extra: epsM, minPoints, limit, weights. */
export const fetchClusters = (filter: CrashFilterState, extra: Extra = {}, signal?: AbortSignal) =>
  request<CrashClusterCollection>('api/crashes/clusters', { query: query(filter, extra), signal });

/** extra: date (required), periodDays, siteArea | sitePolygon | siteRoad + fromKm + toKm, comparisonArea. */
export const fetchBeforeAfter = (filter: CrashFilterState, extra: Extra, signal?: AbortSignal) =>
  request<BeforeAfterReply>('api/crashes/before-after', { query: query(filter, extra), signal });

/** Provinces, or the areas inside `parent`. */
export const fetchAreas = (parent: string | null, signal?: AbortSignal) =>
  request<AreaList>('api/areas', { query: { parent: parent ?? undefined }, signal });

/** The folder the page was served from, absolute: MapLibre needs absolute tile URLs (kept `{z}` unescaped). */
function apiBase(): string {
  return `${window.location.origin}${window.location.pathname.replace(/[^/]*$/, '')}`;
}

/** The heatmap's XYZ tile URL template for the filter. */
export function heatmapTilesUrl(filter: CrashFilterState, weights?: string): string {
  const search = crashQueryString(filter, weights ? { weights } : {});
  return `${apiBase()}api/crashes/heatmap/{z}/{x}/{y}.mvt${search ? `?${search}` : ''}`;
}

/** The crash points' XYZ tile URL template for the filter (each crash from zoom 14, clusters further out). */
export function pointsTilesUrl(filter: CrashFilterState): string {
  const search = crashQueryString(filter);
  return `${apiBase()}api/crashes/points/{z}/{x}/{y}.mvt${search ? `?${search}` : ''}`;
}

/** The filtered crashes as a download: CSV (Thai and English headers) or GeoJSON. */
export function crashExportUrl(filter: CrashFilterState, format: 'csv' | 'geojson'): string {
  const search = crashQueryString(filter);
  return `api/crashes/export.${format}${search ? `?${search}` : ''}`;
}

/** The OGC API – Features landing page (QGIS, ArcGIS, GDAL open it as a data source). */
export const ogcLandingUrl = () => `${apiBase()}ogc`;
