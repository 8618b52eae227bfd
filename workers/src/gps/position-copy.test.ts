// Small: COPY lines carry every column in order, nulls as \N, and the point as PostGIS hex EWKB.
import { describe, expect, it } from 'vitest';
import { copyLines, pointEwkb } from './position-copy';

describe('position COPY encoding', () => {
  it('writes a point as little-endian EWKB with SRID 4326', () => {
    expect(pointEwkb(0, 0)).toBe('0101000020e610000000000000000000000000000000000000');
    expect(pointEwkb(101, 13.5).slice(0, 18)).toBe('0101000020e6100000');
  });

  it('writes one tab-separated line per row', () => {
    const line = copyLines([
      {
        deviceId: 3,
        vehicleId: null,
        fixTime: '2025-03-01T05:00:00.000Z',
        receivedAt: '2025-03-01T05:00:01.000Z',
        lon: 0,
        lat: 0,
        speedKmh: 12.5,
        bearingDeg: null,
        altitudeM: null,
        accuracyM: 4,
        current: false,
      },
    ]);
    expect(line.split('\t')).toEqual([
      '3',
      '\\N',
      '2025-03-01T05:00:00.000Z',
      '2025-03-01T05:00:01.000Z',
      pointEwkb(0, 0),
      '12.5',
      '\\N',
      '\\N',
      '4',
      'f\n',
    ]);
  });
});
