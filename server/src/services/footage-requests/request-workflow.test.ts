// Small: the request workflow — each action's states, four-eyes approval, station scoping, admin-only closing.
import { describe, expect, it } from 'vitest';
import { mayAct, maySee, nextStatus, type Actor } from './request-workflow';

const request = { station: 'สภ.เมืองฉะเชิงเทรา', requesterId: 7, enteredById: 7 };
const officer: Actor = { id: 7, role: 'police', station: 'สภ.เมืองฉะเชิงเทรา' };
const colleague: Actor = { id: 8, role: 'police', station: 'สภ.เมืองฉะเชิงเทรา' };
const otherStation: Actor = { id: 9, role: 'police', station: 'สภ.บางปะกง' };
const operator: Actor = { id: 2, role: 'operator', station: null };
const admin: Actor = { id: 1, role: 'admin', station: null };
const planner: Actor = { id: 3, role: 'planner', station: null };

describe('nextStatus', () => {
  it('walks the happy path', () => {
    expect(nextStatus('submitted', 'review')).toBe('in_review');
    expect(nextStatus('in_review', 'approve')).toBe('approved');
    expect(nextStatus('approved', 'export-start')).toBe('exporting');
    expect(nextStatus('exporting', 'export-done')).toBe('ready');
    expect(nextStatus('ready', 'download')).toBe('downloaded');
    expect(nextStatus('downloaded', 'download')).toBe('downloaded');
    expect(nextStatus('downloaded', 'close')).toBe('closed');
  });

  it('refuses a step from the wrong state with a 409 in both languages', () => {
    const refusal = nextStatus('rejected', 'approve');
    expect(refusal).toMatchObject({ statusCode: 409, message: expect.stringMatching(/rejected/) });
    expect(refusal).toMatchObject({ messageTh: expect.stringMatching(/ไม่อนุมัติ/) });
    expect(nextStatus('closed', 'close')).toMatchObject({ statusCode: 409 });
    expect(nextStatus('exporting', 'download')).toMatchObject({ statusCode: 409 });
    expect(nextStatus('approved', 'choose-cameras')).toMatchObject({ statusCode: 409 });
  });

  it('lets a failed export be retried', () => {
    expect(nextStatus('exporting', 'export-fail')).toBe('export_failed');
    expect(nextStatus('export_failed', 'retry-export')).toBe('approved');
  });
});

describe('mayAct', () => {
  it('keeps police to their own station', () => {
    expect(maySee(colleague, request)).toBe(true);
    expect(maySee(otherStation, request)).toBe(false);
    expect(maySee(planner, request)).toBe(false);
    expect(mayAct(otherStation, request, 'download')).toMatchObject({ statusCode: 403 });
  });

  it('never lets the requester or whoever typed it in approve it', () => {
    expect(mayAct(officer, request, 'approve')).toMatchObject({ statusCode: 403 });
    expect(mayAct({ ...operator, id: 7 }, request, 'approve')).toMatchObject({ statusCode: 403 });
    expect(mayAct(operator, { ...request, enteredById: 2 }, 'reject')).toMatchObject({ statusCode: 403 });
    expect(mayAct(operator, request, 'approve')).toBeNull();
  });

  it('gives the package to the requesting officer and admins only', () => {
    expect(mayAct(officer, request, 'download')).toBeNull();
    expect(mayAct(admin, request, 'download')).toBeNull();
    expect(mayAct(colleague, request, 'download')).toMatchObject({ statusCode: 403 });
    expect(mayAct(operator, request, 'download')).toMatchObject({ statusCode: 403 });
  });

  it('lets the requester or staff pick cameras, only admins close, nobody take system steps', () => {
    expect(mayAct(officer, request, 'choose-cameras')).toBeNull();
    expect(mayAct(colleague, request, 'choose-cameras')).toMatchObject({ statusCode: 403 });
    expect(mayAct(operator, request, 'choose-cameras')).toBeNull();
    expect(mayAct(operator, request, 'close')).toMatchObject({ statusCode: 403 });
    expect(mayAct(admin, request, 'close')).toBeNull();
    expect(mayAct(admin, request, 'export-done')).toMatchObject({ statusCode: 403 });
  });
});
