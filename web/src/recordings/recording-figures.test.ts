// The recordings page's figures: sizes, time left, bitrates, the bilingual storage reason.
import { describe, expect, it } from 'vitest';
import {
  byteSize,
  formatBitrate,
  formatBytes,
  isUnderADay,
  reasonIn,
  roundDays,
  timeLeft,
  usedFraction,
} from './recording-figures';

const GIB = 1024 ** 3;

describe('byteSize', () => {
  it('uses MB below a GB, GB below a TB, TB above', () => {
    expect(byteSize(0)).toEqual({ value: 0, unit: 'MB' });
    expect(byteSize(300 * 1024 ** 2)).toEqual({ value: 300, unit: 'MB' });
    expect(byteSize(1.5 * GIB)).toEqual({ value: 1.5, unit: 'GB' });
    expect(byteSize(450.4 * GIB)).toEqual({ value: 450, unit: 'GB' });
    expect(byteSize(1.24 * 1024 * GIB)).toEqual({ value: 1.2, unit: 'TB' });
  });
  it('treats a negative or missing size as nothing', () => {
    expect(byteSize(-5)).toEqual({ value: 0, unit: 'MB' });
    expect(byteSize(Number.NaN)).toEqual({ value: 0, unit: 'MB' });
  });
  it('writes the number in the language with its unit', () => {
    expect(formatBytes(2 * 1024 * GIB, 'en')).toBe('2 TB');
    expect(formatBytes(1234 * GIB, 'en')).toBe('1.2 TB');
    expect(formatBytes(999 * GIB, 'th')).toBe('999 GB');
  });
});

describe('usedFraction', () => {
  it('is the share of the quota, kept within 0–1', () => {
    expect(usedFraction(GIB, 4 * GIB)).toBe(0.25);
    expect(usedFraction(5 * GIB, 4 * GIB)).toBe(1);
    expect(usedFraction(GIB, 0)).toBe(0);
  });
});

describe('timeLeft', () => {
  it('reads as hours under a day and as days and hours above, rounded down', () => {
    expect(timeLeft(0.4)).toEqual({ kind: 'underHour' });
    expect(timeLeft(5.9)).toEqual({ kind: 'hours', h: 5 });
    expect(timeLeft(23.99)).toEqual({ kind: 'hours', h: 23 });
    expect(timeLeft(24)).toEqual({ kind: 'days', d: 1, h: 0 });
    expect(timeLeft(75.5)).toEqual({ kind: 'days', d: 3, h: 3 });
  });
  it('flags under a day, but not when nothing is written', () => {
    expect(isUnderADay(23.5)).toBe(true);
    expect(isUnderADay(0)).toBe(true);
    expect(isUnderADay(24)).toBe(false);
    expect(isUnderADay(null)).toBe(false);
  });
});

describe('formatBitrate and roundDays', () => {
  it('writes kbps below 1 Mbps and Mbps above', () => {
    expect(formatBitrate(812.4, 'en')).toBe('812 kbps');
    expect(formatBitrate(2480, 'en')).toBe('2.5 Mbps');
  });
  it('keeps one decimal for a few days and whole days beyond ten', () => {
    expect(roundDays(0.04)).toBe(0);
    expect(roundDays(6.94)).toBe(6.9);
    expect(roundDays(29.6)).toBe(30);
  });
});

describe('reasonIn', () => {
  const reason = 'The recordings volume is missing (not mounted?) / ไม่พบพื้นที่จัดเก็บภาพบันทึก';
  it("gives the reader's half of the server's two-language reason", () => {
    expect(reasonIn(reason, 'en')).toBe('The recordings volume is missing (not mounted?)');
    expect(reasonIn(reason, 'th')).toBe('ไม่พบพื้นที่จัดเก็บภาพบันทึก');
  });
  it('gives any other reason whole, and nothing for none', () => {
    expect(reasonIn('disk / mount / other', 'th')).toBe('disk / mount / other');
    expect(reasonIn(null, 'en')).toBeNull();
  });
});
