// The notification log (every LINE / webhook delivery and its outcome): per event, and the latest overall.
import type { NotificationLogEntry } from '@toc/server/schemas';
import { request } from '../api/http.client';

export const fetchEventNotifications = (eventId: number, signal?: AbortSignal) =>
  request<NotificationLogEntry[]>(`api/events/${eventId}/notifications`, { signal });

export const fetchRecentNotifications = (signal?: AbortSignal) => request<NotificationLogEntry[]>('api/notifications', { signal });
