// Evidence holds: footage retention may not delete. Operators list them; admins place and release them (audited).
import type { EvidenceHold, EvidenceHoldInput } from '@toc/server/schemas';
import { request } from './http.client';

export type HoldListState = 'active' | 'all';

export const fetchEvidenceHolds = (state: HoldListState, signal?: AbortSignal) =>
  request<EvidenceHold[]>('api/evidence-holds', { query: { state }, signal });

export const createEvidenceHold = (body: EvidenceHoldInput) =>
  request<EvidenceHold>('api/evidence-holds', { method: 'POST', body });

export const releaseEvidenceHold = (id: number, reason: string) =>
  request<EvidenceHold>(`api/evidence-holds/${id}/release`, { method: 'POST', body: { reason } });
