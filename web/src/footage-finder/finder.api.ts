// The finder's calls: the ranked cameras for a request, a proposed camera's recorded still, and saving the picks.
import type { ErrorReply, FootageRequest, FootageSearch, RequestCamerasInput } from '@toc/server/schemas';
import { ApiError, NetworkError } from '../api/api-error';
import { request } from '../api/http.client';

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
  let response: Response;
  try {
    response = await fetch(requestStillUrl(requestId, cameraId, at), { credentials: 'same-origin', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) {
    const reply = (await response.json().catch(() => ({}))) as Partial<ErrorReply>;
    throw new ApiError(response.status, reply);
  }
  return response.blob();
}
