// Small tests for the sign's rows, clock and language alternation.
import { describe, expect, it } from 'vitest';
import type { StopArrival } from '@toc/server/schemas';
import { signClock, signLanguageAt, signRows } from './sign-model';
import { signText } from './sign-strings';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const arrival = (seconds: number, fields: Partial<StopArrival> = {}): StopArrival => ({
  feedId: 1,
  stopId: 'S1',
  tripId: `T${seconds}`,
  routeId: 'R1',
  routeShortName: '1',
  routeColor: '#facc15',
  headsign: 'ตลาดบ้านใหม่',
  headsignTranslations: { th: 'ตลาดบ้านใหม่', en: 'Ban Mai Market' },
  vehicleId: 3,
  vehicleLabel: 'CCS-03',
  electric: false,
  predictedAt: new Date(now + seconds * 1000).toISOString(),
  scheduledAt: null,
  source: 'realtime',
  ...fields,
});

describe('signRows', () => {
  it('lists the soonest arrivals with minutes, "now"/"due" under a minute, in the sign language', () => {
    const arrivals = [arrival(400), arrival(45), arrival(5, { routeColor: '#1e3a8a', routeShortName: '7' })];
    const thai = signRows(arrivals, now, 'th');
    expect(thai.map((r) => r.when)).toEqual(['ถึงแล้ว', 'กำลังเข้าป้าย', '6 นาที']);
    expect(thai.map((r) => r.imminent)).toEqual([true, true, false]);
    const english = signRows(arrivals, now, 'en');
    expect(english.map((r) => r.when)).toEqual(['Now', 'Due', '6 min']);
    expect(english[0]).toMatchObject({ route: '7', destination: 'Ban Mai Market', background: '#1e3a8a', foreground: '#ffffff' });
    expect(english[1]).toMatchObject({ background: '#facc15', foreground: '#000000' });
  });

  it('marks timetable-only arrivals and falls back to the feed headsign and a neutral colour', () => {
    const [row] = signRows([arrival(600, { source: 'schedule', routeColor: null, headsignTranslations: {} })], now, 'en');
    expect(row).toMatchObject({ scheduled: true, destination: 'ตลาดบ้านใหม่', background: '#475569' });
  });
});

describe('sign clock and languages', () => {
  it('shows Bangkok time and alternates Thai and English each period', () => {
    expect(signClock(now, 'en')).toBe('17:00');
    expect(signLanguageAt(0, 8000)).toBe('th');
    expect(signLanguageAt(8000, 8000)).toBe('en');
    expect(signLanguageAt(16000, 8000)).toBe('th');
  });

  it('fills placeholders in both languages', () => {
    expect(signText('offline', 'en', { time: '17:00' })).toBe('Offline · last updated 17:00');
    expect(signText('minutes', 'th', { n: 3 })).toBe('3 นาที');
  });
});
