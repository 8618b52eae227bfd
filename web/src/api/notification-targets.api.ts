// Notification recipients (admins): list, add and remove. A stored webhook URL comes back as its host only.
import type { NotificationTarget, NotificationTargetInput } from '@toc/server/schemas';
import { request } from './http.client';

export const fetchNotificationTargets = (signal?: AbortSignal) => request<NotificationTarget[]>('api/notification-targets', { signal });

export const addNotificationTarget = (body: NotificationTargetInput) =>
  request<NotificationTarget>('api/notification-targets', { method: 'POST', body });

export const removeNotificationTarget = (id: number) => request<void>(`api/notification-targets/${id}`, { method: 'DELETE' });
