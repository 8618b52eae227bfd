// How long ago, in English and Thai.
import { describe, expect, it } from 'vitest';
import { formatAgo } from './time-ago';

const now = Date.parse('2026-11-22T10:00:00Z');
const before = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatAgo', () => {
  it('uses the largest whole unit', () => {
    expect(formatAgo(before(45), now, 'en')).toBe('45 seconds ago');
    expect(formatAgo(before(5 * 60 + 59), now, 'en')).toBe('5 minutes ago');
    expect(formatAgo(before(2 * 3600 + 10), now, 'en')).toBe('2 hours ago');
    expect(formatAgo(before(3 * 86400), now, 'en')).toBe('3 days ago');
  });

  it('says "now" for the first seconds and for clocks slightly ahead', () => {
    expect(formatAgo(before(3), now, 'en')).toBe('now');
    expect(formatAgo(before(-20), now, 'en')).toBe('now');
  });

  it('speaks Thai', () => {
    expect(formatAgo(before(5 * 60), now, 'th')).toBe('5 นาทีที่ผ่านมา');
  });

  it('returns nothing for a broken time', () => {
    expect(formatAgo('not a time', now, 'en')).toBe('');
  });
});
