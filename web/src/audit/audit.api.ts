// Client of the admin audit log: a page of rows newest first, and the CSV link for the same filters.
import type { AuditPage, AuditQuery } from '@toc/server/schemas';
import { request, type Query } from '../api/http.client';

const asQuery = (query: AuditQuery): Query => ({ ...query });

export const fetchAudit = (query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> =>
  request<AuditPage>('api/audit', { query: asQuery(query), signal });

/** Relative to the page like every API call; a plain link downloads it with the session cookie. */
export function auditCsvUrl(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, format: 'csv' }))
    if (value !== undefined) params.set(key, String(value));
  return `api/audit?${params.toString()}`;
}
