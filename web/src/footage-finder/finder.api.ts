// The finder's calls: the ranked cameras for a request, a proposed camera's recorded still, and saving the picks.
import type { FootageRequest, FootageSearch, RequestCamerasInput } from '@toc/server/schemas';
import { fetchImage, request } from '../api/http.client';

export const fetchFinder = (requestId: number, signal?: AbortSignal) =>
  request<FootageSearch>(`api/footage-requests/${requestId}/finder`, { signal });

export const saveRequestCameras = (requestId: number, input: RequestCamerasInput, signal?: AbortSignal) =>
  request<FootageRequest>(`api/footage-requests/${requestId}/cameras`, {
    method: 'PUT',
    body: input,
    signal,
  });

export const requestStillUrl = (requestId: number, cameraId: number, at: number) =>
  `api/footage-requests/${requestId}/cameras/${cameraId}/still?${new URLSearchParams({ at: new Date(at).toISOString() }).toString()}`;

/**
 * The recorded frame of a proposed camera at `at` (JPEG; the server audits the view). Fetched with the session
 * cookie rather than linked, so that "nothing recorded then" arrives with its reason in Thai and English.
 */
export async function fetchRequestStill(
  requestId: number,
  cameraId: number,
  at: number,
  signal?: AbortSignal,
): Promise<Blob> {
  return fetchImage(requestStillUrl(requestId, cameraId, at), { signal });
}
