import { describe, expect, it } from 'vitest';
import { osmAndUrl } from './osmand-request';

describe('osmAndUrl', () => {
  it('sends the OsmAnd fields: unix seconds, speed in knots, six decimals, and no key in the URL', () => {
    const url = new URL(
      osmAndUrl('http://127.0.0.1:3034', 'sim-ccs-01', {
        lon: 101.0712345678,
        lat: 13.6912345678,
        fixTime: new Date('2026-03-02T07:00:05.400Z'),
        speedKmh: 18.52,
        bearingDeg: 271.25,
        accuracyM: 6,
      }),
    );
    expect(url.pathname).toBe('/api/gps/osmand');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id: 'sim-ccs-01',
      lat: '13.691235',
      lon: '101.071235',
      timestamp: String(Date.parse('2026-03-02T07:00:05Z') / 1000),
      speed: '10.00',
      bearing: '271.3',
      accuracy: '6.0',
    });
  });
});
