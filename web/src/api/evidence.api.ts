// An event's timeline and snapshots; snapshot images are served to the roles allowed to see footage.
import type { EventUpdate, Snapshot } from '@toc/server/schemas';
import { request } from './http.client';

export const fetchEventUpdates = (eventId: number, signal?: AbortSignal) =>
  request<EventUpdate[]>(`api/events/${eventId}/updates`, { signal });

export const fetchSnapshots = (eventId: number, signal?: AbortSignal) =>
  request<Snapshot[]>(`api/events/${eventId}/snapshots`, { signal });

/** Relative, like every API path here; the session cookie authorises the image request. */
export const snapshotUrl = (snapshotId: number) => `api/snapshots/${snapshotId}`;
