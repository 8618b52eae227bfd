// Footage at an instant: inside a span, inside a (possibly open) gap with its reason, and where footage resumes.
import { describe, expect, it } from 'vitest';
import type { RecordedSpan, RecordingGap } from '@toc/server/schemas';
import { footageAt, gapAt, nextRecordedAt } from './footage-at';

const at = (hhmm: string) => Date.parse(`2031-03-13T${hhmm}:00+07:00`);
const iso = (hhmm: string) => new Date(at(hhmm)).toISOString();
const span = (from: string, to: string): RecordedSpan => ({
  from: iso(from),
  to: iso(to),
  segments: 6,
  bytes: 1000,
});
const gap = (id: number, from: string, to: string | null, reason: RecordingGap['reason']): RecordingGap => ({
  id,
  cameraId: 3,
  from: iso(from),
  to: to === null ? null : iso(to),
  reason,
  detail: null,
});

const SPANS = [span('08:00', '09:00'), span('10:00', '11:00')];
const GAPS = [gap(1, '09:00', '10:00', 'camera_offline'), gap(2, '11:30', null, 'storage_full')];

describe('gapAt', () => {
  it('finds the gap holding the instant, start inclusive and end exclusive', () => {
    expect(gapAt(GAPS, at('09:00'))?.id).toBe(1);
    expect(gapAt(GAPS, at('09:59'))?.id).toBe(1);
    expect(gapAt(GAPS, at('10:00'))).toBeNull();
  });
  it('treats a gap with no end as still going on', () => {
    expect(gapAt(GAPS, at('23:59'))?.reason).toBe('storage_full');
    expect(gapAt(GAPS, at('11:29'))).toBeNull();
  });
});

describe('nextRecordedAt', () => {
  it('is the earliest span start after the instant', () => {
    expect(nextRecordedAt(SPANS, at('07:00'))).toBe(at('08:00'));
    expect(nextRecordedAt([...SPANS].reverse(), at('09:30'))).toBe(at('10:00'));
    expect(nextRecordedAt(SPANS, at('10:30'))).toBeNull();
  });
});

describe('footageAt', () => {
  it('says recorded inside a span', () => {
    expect(footageAt({ spans: SPANS, gaps: GAPS }, at('08:30'))).toEqual({
      kind: 'recorded',
      span: SPANS[0],
    });
  });
  it('says why not in a gap and where footage resumes', () => {
    expect(footageAt({ spans: SPANS, gaps: GAPS }, at('09:15'))).toEqual({
      kind: 'missing',
      gap: GAPS[0],
      next: at('10:00'),
    });
  });
  it('says missing without a reason where no gap was recorded, and no next moment after the last span', () => {
    expect(footageAt({ spans: SPANS, gaps: GAPS }, at('11:10'))).toEqual({
      kind: 'missing',
      gap: null,
      next: null,
    });
  });
});
