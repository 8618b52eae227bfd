// Small: OsmAnd and JSON batch fixes parse as Traccar reads them; malformed ones get a reason in English and Thai.
import { describe, expect, it } from 'vitest';
import { parseBatchFix, parseOsmAnd, parseTimestamp } from './fix-parse';

const receivedAt = new Date('2025-03-01T05:00:00Z');

describe('parseTimestamp', () => {
  it('reads unix seconds, unix milliseconds and ISO 8601', () => {
    expect(parseTimestamp('1740805200').toISOString()).toBe('2025-03-01T05:00:00.000Z');
    expect(parseTimestamp(1740805200123).toISOString()).toBe('2025-03-01T05:00:00.123Z');
    expect(parseTimestamp('2025-03-01T12:00:00+07:00').toISOString()).toBe('2025-03-01T05:00:00.000Z');
    expect(parseTimestamp('2025-03-01 05:00:00').toISOString()).toBe('2025-03-01T05:00:00.000Z');
  });

  it('refuses anything else', () => {
    expect(() => parseTimestamp('yesterday')).toThrow(/unix seconds/);
    expect(() => parseTimestamp('2025-13-45T99:00:00Z')).toThrow(/ISO 8601/);
  });
});

describe('parseOsmAnd', () => {
  it('converts knots to km/h and keeps the other fields', () => {
    const parsed = parseOsmAnd(
      'bus-1',
      {
        lat: '13.69',
        lon: '101.07',
        timestamp: '1740805200',
        speed: '10',
        bearing: '90',
        altitude: '5',
        accuracy: '8',
      },
      receivedAt,
    );
    expect(parsed).toEqual({
      fix: {
        deviceId: 'bus-1',
        lat: 13.69,
        lon: 101.07,
        fixTime: '2025-03-01T05:00:00.000Z',
        speedKmh: 18.52,
        bearingDeg: 90,
        altitudeM: 5,
        accuracyM: 8,
      },
    });
  });

  it('takes location=lat,lon and the arrival time when the timestamp is missing', () => {
    const parsed = parseOsmAnd('bus-1', { location: '13.5,101.2' }, receivedAt);
    expect(parsed).toMatchObject({
      fix: { lat: 13.5, lon: 101.2, fixTime: receivedAt.toISOString(), speedKmh: null },
    });
  });

  it('treats negative speed, bearing or accuracy as unknown', () => {
    const parsed = parseOsmAnd(
      'bus-1',
      { lat: '13.5', lon: '101.2', speed: '-1', bearing: '-1', accuracy: '-1' },
      receivedAt,
    );
    expect(parsed).toMatchObject({ fix: { speedKmh: null, bearingDeg: null, accuracyM: null } });
  });

  it('explains what is malformed, in English and Thai', () => {
    expect(parseOsmAnd('bus-1', { lat: 'north', lon: '101' }, receivedAt)).toEqual({
      malformed: { reason: 'Malformed fix: lat is not a number', reasonTh: 'ตำแหน่งไม่ถูกต้อง: lat ไม่ใช่ตัวเลข' },
    });
    expect(parseOsmAnd('bus-1', { lat: '13' }, receivedAt)).toMatchObject({
      malformed: { reason: 'Malformed fix: lon is missing' },
    });
    expect(parseOsmAnd('bus-1', { lat: '13', lon: '101', timestamp: 'soon' }, receivedAt)).toMatchObject({
      malformed: { reason: expect.stringMatching(/timestamp/) },
    });
    expect(parseOsmAnd('bus-1', { location: '13.5' }, receivedAt)).toMatchObject({
      malformed: { reason: expect.stringMatching(/lat,lon/) },
    });
  });

  it('refuses positions no receiver can report: off the globe or overflowing', () => {
    const reasonFor = (lat: string, lon: string) => {
      const parsed = parseOsmAnd('bus-1', { lat, lon }, receivedAt);
      return 'malformed' in parsed ? parsed.malformed.reason : 'accepted';
    };
    expect(reasonFor('91', '101')).toMatch(/lat 91 is outside/);
    expect(reasonFor('13.7', '-181')).toMatch(/lon -181 is outside/);
    expect(reasonFor('1e400', '101')).toMatch(/lat Infinity is outside/);
    expect(reasonFor('0', '0')).toBe('accepted'); // a unit without a fix: the worker's filter counts it per device
    expect(reasonFor('-90', '180')).toBe('accepted');
  });
});

describe('parseBatchFix', () => {
  it('keeps km/h as sent', () => {
    expect(
      parseBatchFix('bus-2', { lat: 13.7, lon: 101.1, timestamp: '2025-03-01T05:00:00Z', speed: 40 }),
    ).toMatchObject({
      fix: { deviceId: 'bus-2', speedKmh: 40, bearingDeg: null, fixTime: '2025-03-01T05:00:00.000Z' },
    });
  });

  it('refuses an impossible position (JSON 1e400 parses to Infinity) and drops an impossible altitude', () => {
    expect(parseBatchFix('bus-2', { lat: Infinity, lon: 101.1, timestamp: 1740805200 })).toMatchObject({
      malformed: { reasonTh: expect.stringContaining('อยู่นอกช่วง') },
    });
    expect(parseBatchFix('bus-2', { lat: 13.7, lon: 101.1, timestamp: 1740805200, altitude: Infinity })).toMatchObject({
      fix: { altitudeM: null },
    });
  });
});
