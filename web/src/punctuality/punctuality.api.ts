// Client of the bus punctuality report.
import type { PunctualityReport } from '@toc/server/schemas';
import { request } from '../api/http.client';

export function fetchPunctuality(from: Date, to: Date, signal?: AbortSignal): Promise<PunctualityReport> {
  return request<PunctualityReport>('api/transit/punctuality', {
    query: { from: from.toISOString(), to: to.toISOString() },
    signal,
  });
}

/** Relative to the page like every API call; a plain link downloads it with the session cookie. */
export function punctualityCsvUrl(from: Date, to: Date): string {
  return `api/transit/punctuality?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), format: 'csv' }).toString()}`;
}
