// The new-hold form: Bangkok inputs to the API body, the presets, and what the form still needs.
import { describe, expect, it } from 'vitest';
import { emptyHoldDraft, holdInputOf, lastMinutes, type HoldDraft } from './hold-draft';

const filled = (over: Partial<HoldDraft> = {}): HoldDraft => ({
  ...emptyHoldDraft(3),
  fromDate: '2031-03-13',
  fromTime: '13:50',
  toDate: '2031-03-13',
  toTime: '14:00',
  reason: '  Collision at the Bang Pakong junction ',
  ...over,
});

describe('lastMinutes', () => {
  it('ends at the last whole minute, in Bangkok time, across midnight when it must', () => {
    expect(lastMinutes(new Date('2031-03-13T07:00:42.500Z'), 10)).toEqual({
      fromDate: '2031-03-13',
      fromTime: '13:50',
      toDate: '2031-03-13',
      toTime: '14:00',
    });
    expect(lastMinutes(new Date('2031-03-13T17:05:00.000Z'), 60)).toEqual({
      fromDate: '2031-03-13',
      fromTime: '23:05',
      toDate: '2031-03-14',
      toTime: '00:05',
    });
  });
});

describe('holdInputOf', () => {
  it('turns Bangkok inputs into instants and trims the reason; the case and expiry are left out when empty', () => {
    expect(holdInputOf(filled())).toEqual({
      cameraId: 3,
      from: '2031-03-13T06:50:00.000Z',
      to: '2031-03-13T07:00:00.000Z',
      reason: 'Collision at the Bang Pakong junction',
    });
  });
  it('carries the case number and the expiry when given', () => {
    expect(
      holdInputOf(
        filled({ caseNumber: ' สภ.บางปะกง 123/2574 ', expiresDate: '2031-06-30', expiresTime: '00:00' }),
      ),
    ).toMatchObject({ caseNumber: 'สภ.บางปะกง 123/2574', expiresAt: '2031-06-29T17:00:00.000Z' });
  });
  it('names what is missing first: camera, period, reason, a half-filled expiry', () => {
    expect(holdInputOf(filled({ cameraId: '' }))).toBe('camera');
    expect(holdInputOf(filled({ toTime: '' }))).toBe('period');
    expect(holdInputOf(filled({ reason: '   ' }))).toBe('reason');
    expect(holdInputOf(filled({ expiresDate: '2031-06-30' }))).toBe('expires');
  });
});
