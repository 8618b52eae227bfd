// Recorded footage: a camera's timeline (spans, gaps, alarms, holds), the HLS playlist hls.js plays, and stills.
import type { CameraTimeline } from '@toc/server/schemas';
import { fetchImage, request } from './http.client';

const iso = (ms: number) => new Date(ms).toISOString();

export const fetchTimeline = (cameraId: number, from: number, to: number, signal?: AbortSignal) =>
  request<CameraTimeline>(`api/recordings/${cameraId}/timeline`, {
    query: { from: iso(from), to: iso(to) },
    signal,
  });

/** The footage of [from, to] as an HLS playlist; hls.js fetches it and the segments it names (same origin, cookie). */
export const playlistUrl = (cameraId: number, from: number, to: number) =>
  `api/recordings/${cameraId}/playlist.m3u8?${new URLSearchParams({ from: iso(from), to: iso(to) }).toString()}`;

/**
 * The recorded frame at `at` as a JPEG (the server audits it). Fetched rather than linked, so that a refusal or "no
 * footage then" arrives with its bilingual reason.
 */
export async function fetchStill(cameraId: number, at: number, signal?: AbortSignal): Promise<Blob> {
  return fetchImage(`api/recordings/${cameraId}/still?${new URLSearchParams({ at: iso(at) }).toString()}`, {
    signal,
  });
}
