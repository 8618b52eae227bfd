// A complete Event for small tests: plain defaults, any field overridden by the test.
import type { Event } from '@toc/server/schemas';

export function eventFixture(id: number, fields: Partial<Event> = {}): Event {
  return {
    id,
    seq: id,
    type: 'traffic.accident',
    severity: 'high',
    status: 'open',
    location: null,
    cameraId: null,
    startedAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    endedAt: null,
    confidence: null,
    modelId: null,
    payload: {},
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    note: null,
    occurrences: 1,
    lastRaisedAt: '2026-11-22T10:00:00.000Z',
    escalatedAt: null,
    assignedTo: null,
    assignedAt: null,
    ...fields,
  };
}
