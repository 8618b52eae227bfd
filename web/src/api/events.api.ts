// Event list and operator actions (acknowledge, resolve, assign to me).
import type { Event, EventPage, EventStatus, EventType } from '@toc/server/schemas';
import { request } from './http.client';

export interface EventListQuery {
  limit?: number;
  offset?: number;
  type?: readonly EventType[];
  status?: readonly EventStatus[];
  cameraId?: number;
  afterSeq?: number;
}

export function fetchEvents(query: EventListQuery = {}, signal?: AbortSignal): Promise<EventPage> {
  return request<EventPage>('api/events', { query: { ...query }, signal });
}

/** Status changes, and taking an alarm in hand ('assign' to oneself) or giving it back ('release'). */
export type EventActionName = 'acknowledge' | 'resolve' | 'false-alarm' | 'assign' | 'release';

export function postEventAction(id: number, action: EventActionName, note?: string): Promise<Event> {
  return request<Event>(`api/events/${id}/${action}`, { method: 'POST', body: note ? { note } : {} });
}

export function fetchEvent(id: number, signal?: AbortSignal): Promise<Event> {
  return request<Event>(`api/events/${id}`, { signal });
}
