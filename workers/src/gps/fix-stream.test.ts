// Small: stream entries are read back as the ingest wrote them, and anything else is recognised as bad.
import { describe, expect, it } from 'vitest';
import { parseEntry } from './fix-stream';

const fix = {
  deviceId: 'bus-1',
  lat: 13.69,
  lon: 101.07,
  fixTime: '2025-03-01T05:00:00.000Z',
  speedKmh: 30,
  bearingDeg: null,
  altitudeM: null,
  accuracyM: 5,
};

describe('parseEntry', () => {
  it('reads the fixes of an entry with their arrival time', () => {
    const fields = ['fixes', JSON.stringify({ receivedAt: '2025-03-01T05:00:01.000Z', fixes: [fix] })];
    expect(parseEntry(fields)).toEqual([{ fix, receivedAt: '2025-03-01T05:00:01.000Z' }]);
  });

  it('recognises bad entries', () => {
    expect(parseEntry(['other', '{}'])).toBeNull();
    expect(parseEntry(['fixes', 'not json'])).toBeNull();
    expect(
      parseEntry(['fixes', JSON.stringify({ receivedAt: 'x', fixes: [{ ...fix, lat: '13' }] })]),
    ).toBeNull();
    expect(parseEntry(['fixes', JSON.stringify({ fixes: [fix] })])).toBeNull();
  });
});
