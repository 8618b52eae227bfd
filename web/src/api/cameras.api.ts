// Camera list endpoint.
import type { Camera } from '@toc/server/schemas';
import { request } from './http.client';

export function fetchCameras(signal?: AbortSignal): Promise<Camera[]> {
  return request<Camera[]>('api/cameras', { signal });
}
