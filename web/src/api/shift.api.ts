// Shift tools: the day's alarm summary, and the shift log (read a page newest first, add an entry).
import type { ShiftLogEntry, ShiftLogInput, ShiftLogPage, ShiftSummary } from '@toc/server/schemas';
import { request } from './http.client';

/** One Bangkok day's summary (`YYYY-MM-DD`); without a day, today on the server's clock. */
export const fetchShiftSummary = (day: string | undefined, signal?: AbortSignal) =>
  request<ShiftSummary>('api/shift/summary', { query: { day }, signal });

/** Entries before `to` (all, when absent), newest first. */
export const fetchShiftLog = (query: { to?: string; limit: number; offset: number }, signal?: AbortSignal) =>
  request<ShiftLogPage>('api/shift-log', { query, signal });

export const addShiftLogEntry = (body: ShiftLogInput) =>
  request<ShiftLogEntry>('api/shift-log', { method: 'POST', body });
