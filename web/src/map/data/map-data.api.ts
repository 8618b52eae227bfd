// REST data the operator map reads besides the basemap: crowd zones on the ground, imported villages, recent crashes.
import type { CrowdZoneCollection, LiveCrashCollection, Place } from '@toc/server/schemas';
import { request } from '../../api/http.client';

export function fetchCrowdZones(signal?: AbortSignal): Promise<CrowdZoneCollection> {
  return request<CrowdZoneCollection>('api/crowd-zones', { signal });
}

/** Villages an admin imported (sub-districts come with their boundaries from the basemap). */
export function fetchVillages(signal?: AbortSignal): Promise<Place[]> {
  return request<Place[]>('api/places', { query: { kind: 'village' }, signal });
}

/** Crashes and camera traffic incidents of the last 24 hours (the control room and planners). */
export function fetchLiveCrashes(signal?: AbortSignal): Promise<LiveCrashCollection> {
  return request<LiveCrashCollection>('api/crashes/last-24h', { signal });
}
