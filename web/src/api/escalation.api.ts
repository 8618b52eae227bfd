// Escalation policies: how long each alarm type may wait unacknowledged (operators read, admins change).
import type { EscalationPolicy, EscalationPolicyInput, EventType } from '@toc/server/schemas';
import { request } from './http.client';

export const fetchEscalationPolicies = (signal?: AbortSignal) => request<EscalationPolicy[]>('api/escalation-policies', { signal });

export const saveEscalationPolicy = (type: EventType, body: EscalationPolicyInput) =>
  request<EscalationPolicy>(`api/escalation-policies/${encodeURIComponent(type)}`, { method: 'PUT', body });
