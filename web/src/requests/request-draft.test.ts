// The new-request form: Bangkok window to UTC, trimmed text, and every field that still needs attention.
import { describe, expect, it } from 'vitest';
import { checkDraft, emptyDraft, walkInBody, type RequestDraft } from './request-draft';
import { formMediaTypeOf } from './form-file';

const NOW = new Date('2026-03-13T09:00:00Z'); // 16:00 in Bangkok

const filled = (over: Partial<RequestDraft> = {}): RequestDraft => ({
  ...emptyDraft({ station: 'สภ.เมืองฉะเชิงเทรา', displayName: 'ร.ต.อ. สมศักดิ์' }),
  caseNumber: ' 123/2569 ',
  officerRank: 'ร.ต.อ.',
  officerId: '1234567890',
  officerPhone: '081-234-5678',
  legalBasis: 'ป.วิ.อาญา มาตรา 132',
  reason: 'Collision at the junction',
  place: { lon: 101.07, lat: 13.69 },
  from: '2026-03-13T13:00',
  to: '2026-03-13T14:30',
  ...over,
});

describe('emptyDraft', () => {
  it('fills in a police officer’s station and name', () => {
    expect(emptyDraft({ station: 'สภ.บางปะกง', displayName: 'Somsak' })).toMatchObject({
      station: 'สภ.บางปะกง',
      officerName: 'Somsak',
    });
    expect(emptyDraft(null).station).toBe('');
  });
});

describe('checkDraft', () => {
  it('gives the API body: trimmed text, the window in UTC, the default radius', () => {
    const checked = checkDraft(filled(), NOW, false);
    expect(checked).toEqual({
      requesterUserId: null,
      form: {
        caseNumber: '123/2569',
        station: 'สภ.เมืองฉะเชิงเทรา',
        officerName: 'ร.ต.อ. สมศักดิ์',
        officerRank: 'ร.ต.อ.',
        officerId: '1234567890',
        officerPhone: '081-234-5678',
        legalBasis: 'ป.วิ.อาญา มาตรา 132',
        reason: 'Collision at the junction',
        place: { lon: 101.07, lat: 13.69 },
        placeRadiusM: 50,
        from: '2026-03-13T06:00:00.000Z',
        to: '2026-03-13T07:30:00.000Z',
      },
    });
  });

  it('names every field that needs attention', () => {
    const checked = checkDraft(
      filled({ caseNumber: '  ', officerPhone: 'call me', reason: 'ab', place: null, placeRadiusM: '0' }),
      NOW,
      false,
    );
    expect(checked).toEqual({
      problems: {
        caseNumber: { code: 'required' },
        officerPhone: { code: 'phone' },
        reason: { code: 'tooShort', n: 3 },
        place: { code: 'required' },
        placeRadiusM: { code: 'radius' },
      },
    });
  });

  it('checks the window: complete, in order, at most 24 hours, not in the future', () => {
    const problems = (over: Partial<RequestDraft>) => {
      const checked = checkDraft(filled(over), NOW, false);
      return 'problems' in checked ? checked.problems : {};
    };
    expect(problems({ from: '' })).toEqual({ from: { code: 'required' } });
    expect(problems({ to: '2026-03-13T12:00' })).toEqual({ to: { code: 'order' } });
    expect(problems({ from: '2026-03-12T13:00' })).toEqual({ to: { code: 'windowTooLong', n: 24 } });
    expect(problems({ from: '2026-03-13T17:00', to: '2026-03-13T18:00' })).toEqual({
      from: { code: 'future' },
    });
  });

  it('takes the officer’s account id on a walk-in only', () => {
    const checked = checkDraft(filled({ requesterUserId: ' 7 ' }), NOW, true);
    expect('form' in checked && walkInBody(checked)).toMatchObject({ requesterUserId: 7 });
    expect(checkDraft(filled({ requesterUserId: 'x' }), NOW, true)).toEqual({
      problems: { requesterUserId: { code: 'userId' } },
    });
    expect(checkDraft(filled({ requesterUserId: 'x' }), NOW, false)).toHaveProperty('form');
  });
});

describe('formMediaTypeOf', () => {
  it('takes PDF and JPEG by type, or by extension when the browser gives none', () => {
    expect(formMediaTypeOf({ name: 'form.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(formMediaTypeOf({ name: 'SCAN.JPG', type: '' })).toBe('image/jpeg');
    expect(formMediaTypeOf({ name: 'form.png', type: 'image/png' })).toBeNull();
    expect(formMediaTypeOf({ name: 'form.docx', type: '' })).toBeNull();
  });
});
