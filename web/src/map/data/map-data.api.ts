// REST data the operator map reads besides the basemap: crowd zones on the ground and imported villages.
import type { CrowdZoneCollection, Place } from '@toc/server/schemas';
import { request } from '../../api/http.client';

export function fetchCrowdZones(signal?: AbortSignal): Promise<CrowdZoneCollection> {
  return request<CrowdZoneCollection>('api/crowd-zones', { signal });
}

/** Villages an admin imported (sub-districts come with their boundaries from the basemap). */
export function fetchVillages(signal?: AbortSignal): Promise<Place[]> {
  return request<Place[]>('api/places', { query: { kind: 'village' }, signal });
}
