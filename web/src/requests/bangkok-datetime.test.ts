// datetime-local values are Bangkok time both ways, however the test machine's own zone is set.
import { describe, expect, it } from 'vitest';
import { bangkokLocalToIso, isoToBangkokLocal } from './bangkok-datetime';

describe('bangkokLocalToIso', () => {
  it('reads the value as Bangkok time (UTC+7)', () => {
    expect(bangkokLocalToIso('2026-03-13T14:05')).toBe('2026-03-13T07:05:00.000Z');
    expect(bangkokLocalToIso('2026-03-13T14:05:30')).toBe('2026-03-13T07:05:30.000Z');
  });
  it('crosses back into the previous UTC day before 07:00 in Bangkok', () => {
    expect(bangkokLocalToIso('2027-01-01T03:00')).toBe('2026-12-31T20:00:00.000Z');
  });
  it('refuses what names no instant', () => {
    expect(bangkokLocalToIso('')).toBeNull();
    expect(bangkokLocalToIso('2026-03-13')).toBeNull();
    expect(bangkokLocalToIso('2026-02-31T10:00')).toBeNull();
    expect(bangkokLocalToIso('2026-03-13T24:30')).toBeNull();
  });
});

describe('isoToBangkokLocal', () => {
  it('shows the instant as a Bangkok clock does', () => {
    expect(isoToBangkokLocal('2026-03-13T07:05:00.000Z')).toBe('2026-03-13T14:05');
    expect(isoToBangkokLocal('2026-12-31T20:00:00Z')).toBe('2027-01-01T03:00');
    expect(isoToBangkokLocal(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01T00:00');
  });
  it('round-trips with bangkokLocalToIso', () => {
    const iso = '2026-04-13T16:59:00.000Z';
    expect(bangkokLocalToIso(isoToBangkokLocal(iso))).toBe(iso);
  });
  it('gives an empty value for no date', () => {
    expect(isoToBangkokLocal('nonsense')).toBe('');
  });
});
