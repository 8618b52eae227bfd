// Police footage requests: filing (online, walk-in with the scanned form), reading, the workflow steps, download links,
// the deployment's public key and the camera finder.
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type DownloadLink,
  type ErrorReply,
  type EvidencePublicKey,
  type FootageFinderQuery,
  type FootageRequest,
  type FootageRequestForm,
  type FootageRequestStatus,
  type FootageSearch,
  type RequestCamerasInput,
  type RequestDecision,
  type WalkInRequestForm,
} from '@toc/server/schemas';
import { ApiError, NetworkError } from './api-error';
import { request } from './http.client';

export interface FootageRequestListQuery {
  status?: FootageRequestStatus;
  /** Only requests waiting for a decision (the review queue). */
  open?: boolean;
  limit?: number;
}

export const fetchFootageRequests = (query: FootageRequestListQuery = {}, signal?: AbortSignal) =>
  request<FootageRequest[]>('api/footage-requests', { query: { ...query }, signal });

export const fetchFootageRequest = (id: number, signal?: AbortSignal) =>
  request<FootageRequest>(`api/footage-requests/${id}`, { signal });

/** A police officer files online, for their own station. */
export const fileFootageRequest = (body: FootageRequestForm) =>
  request<FootageRequest>('api/footage-requests', { method: 'POST', body });

/** Staff type in a request brought on paper; the scanned form follows with `attachRequestForm`. */
export const enterWalkInRequest = (body: WalkInRequestForm) =>
  request<FootageRequest>('api/footage-requests/walk-in', { method: 'POST', body });

/** The media types the server takes for a scanned form. */
export const FORM_MEDIA_TYPES = ['application/pdf', 'image/jpeg'] as const;
export type FormMediaType = (typeof FORM_MEDIA_TYPES)[number];

/**
 * Attaches the scanned paper form of a walk-in request (once). The file is the body itself, not JSON, so this is the
 * one call that does not go through `request`; it sends the same CSRF header and reads the same bilingual errors.
 */
export async function attachRequestForm(
  id: number,
  file: Blob,
  mediaType: FormMediaType,
): Promise<FootageRequest> {
  let response: Response;
  try {
    response = await fetch(`api/footage-requests/${id}/form`, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': mediaType, [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: file,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    const reply = (await response.json().catch(() => ({}))) as Partial<ErrorReply>;
    throw new ApiError(response.status, reply);
  }
  return (await response.json()) as FootageRequest;
}

/** The scanned form, opened in the browser (a GET with the session cookie; the server audits the view). */
export const requestFormUrl = (id: number) => `api/footage-requests/${id}/form`;

/** Staff take a submitted request into review. */
export const reviewFootageRequest = (id: number) =>
  request<FootageRequest>(`api/footage-requests/${id}/review`, { method: 'POST', body: {} });

/** The requester or a reviewer picks the cameras, each window inside the request's. */
export const chooseRequestCameras = (id: number, body: RequestCamerasInput) =>
  request<FootageRequest>(`api/footage-requests/${id}/cameras`, { method: 'PUT', body });

/** Approve (evidence holds placed, export queued) or reject with the reason. */
export const decideFootageRequest = (id: number, body: RequestDecision) =>
  request<FootageRequest>(`api/footage-requests/${id}/decision`, { method: 'POST', body });

export const retryRequestExport = (id: number) =>
  request<FootageRequest>(`api/footage-requests/${id}/retry-export`, { method: 'POST', body: {} });

/** An admin closes the case; its evidence holds are released. */
export const closeFootageRequest = (id: number, reason: string) =>
  request<FootageRequest>(`api/footage-requests/${id}/close`, { method: 'POST', body: { reason } });

/** A personal link to the package that expires; the browser then GETs it with the session cookie. */
export const createDownloadLink = (id: number) =>
  request<DownloadLink>(`api/footage-requests/${id}/download-link`, { method: 'POST', body: {} });

/** The deployment's public signing key (public: no account needed). */
export const fetchEvidencePublicKey = (signal?: AbortSignal) =>
  request<EvidencePublicKey>('api/evidence/public-key', { signal });

/** The finder for a filed request's place, uncertainty and window. */
export const fetchRequestFinder = (id: number, signal?: AbortSignal) =>
  request<FootageSearch>(`api/footage-requests/${id}/finder`, { signal });

/** The finder asked directly, before a request is filed. */
export const findFootage = (query: FootageFinderQuery, signal?: AbortSignal) =>
  request<FootageSearch>('api/footage-finder', { query: { ...query }, signal });

/** A recorded frame of a proposed camera at an instant inside the request's window (JPEG, audited). */
export const requestStillUrl = (id: number, cameraId: number, at: string) =>
  `api/footage-requests/${id}/cameras/${cameraId}/still?${new URLSearchParams({ at }).toString()}`;
