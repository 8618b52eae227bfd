// Elephant events for the situation page: the last week's sightings and warnings, and every warning still open.
import type { Event, EventPage } from '@toc/server/schemas';
import { request } from '../api/http.client';
import { ELEPHANT_EVENT_TYPES } from './elephant-situation';

/** Same window as the movement paths the server returns by default. */
const HISTORY_MS = 7 * 86_400_000;

export async function fetchElephantEvents(signal?: AbortSignal): Promise<Event[]> {
  const from = new Date(Date.now() - HISTORY_MS).toISOString();
  // An acknowledged warning stays in force however old it is, so open ones are asked for without a date.
  const [recent, open] = await Promise.all([
    request<EventPage>('api/events', { query: { type: ELEPHANT_EVENT_TYPES, from, limit: 500 }, signal }),
    request<EventPage>('api/events', { query: { type: ['elephant.warning'], status: ['open', 'acknowledged'], limit: 200 }, signal }),
  ]);
  return [...recent.items, ...open.items];
}
