// The queue order, the filter and merging a re-read request.
import { describe, expect, it } from 'vitest';
import type { FootageRequest } from '@toc/server/schemas';
import { mergeRequest, orderRequests } from './request-queue';
import { requestAccess } from './request-access';

const request = (id: number, over: Partial<FootageRequest> = {}): FootageRequest =>
  ({
    id,
    reference: `FR-2569-${id}`,
    kind: 'online',
    status: 'submitted',
    overdue: false,
    createdAt: `2026-03-${String(10 + id).padStart(2, '0')}T01:00:00.000Z`,
    requester: 'pol.somsak',
    enteredBy: 'pol.somsak',
    package: null,
    hasForm: false,
    ...over,
  }) as FootageRequest;

describe('orderRequests', () => {
  const list = [
    request(1, { status: 'ready' }),
    request(2),
    request(3, { status: 'in_review' }),
    request(4, { overdue: true }),
    request(5, { status: 'closed' }),
  ];
  it('puts the open queue first for staff: overdue, then the longest waiting; then the rest newest first', () => {
    expect(orderRequests(list, true).map((r) => r.id)).toEqual([4, 2, 3, 5, 1]);
  });
  it('lists newest first for police', () => {
    expect(orderRequests(list, false).map((r) => r.id)).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('mergeRequest', () => {
  it('replaces the request, or drops it when it leaves the filter', () => {
    const list = [request(1), request(2)];
    expect(
      mergeRequest(list, request(2, { status: 'in_review' }), 'open').map((r) => [r.id, r.status]),
    ).toEqual([
      [1, 'submitted'],
      [2, 'in_review'],
    ]);
    expect(mergeRequest(list, request(2, { status: 'approved' }), 'open').map((r) => r.id)).toEqual([1]);
    expect(mergeRequest(list, request(9), 'all').map((r) => r.id)).toEqual([1, 2, 9]);
  });
});

describe('requestAccess', () => {
  const operator = { role: 'operator', username: 'op.anan' } as const;
  const police = { role: 'police', username: 'pol.somsak' } as const;
  it('lets staff decide others’ requests, never their own entries (four eyes)', () => {
    expect(requestAccess(operator, request(1))).toMatchObject({
      review: true,
      decide: true,
      pick: true,
      close: false,
    });
    expect(
      requestAccess(operator, request(1, { kind: 'walk_in', enteredBy: 'op.anan', requester: null })),
    ).toMatchObject({
      decide: false,
      decideBlocked: true,
      attachForm: true,
    });
  });
  it('lets the requesting officer pick cameras and download, not decide', () => {
    const ready = request(1, { status: 'ready', package: {} as FootageRequest['package'] });
    expect(requestAccess(police, request(1))).toMatchObject({ pick: true, decide: false, review: false });
    expect(requestAccess(police, ready).download).toBe(true);
    expect(requestAccess({ role: 'police', username: 'pol.other' }, ready).download).toBe(false);
    expect(requestAccess({ role: 'admin', username: 'admin' }, ready)).toMatchObject({
      download: true,
      close: true,
    });
  });
});
