// Small tests for reading a track's GeoJSON and placing the replay marker.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { positionAt, trackFromGeoJson } from './track';

const t0 = Date.parse('2026-11-22T03:00:00.000Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();

describe('trackFromGeoJson', () => {
  it('reads a line with one time per vertex, oldest first', () => {
    const collection: FeatureCollection<Geometry> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [[101, 13.7], [101.01, 13.7], [101.02, 13.71]] },
          properties: { times: [iso(0), iso(10), iso(20)] },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [101, 13.7] }, properties: { fixTime: iso(0) } },
      ],
    };
    expect(trackFromGeoJson(collection).map((p) => p.t)).toEqual([t0, t0 + 10_000, t0 + 20_000]);
  });

  it('reads one point per fix when there is no timed line, skipping fixes without a readable time', () => {
    const collection: FeatureCollection<Geometry> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [101.02, 13.7] }, properties: { fixTime: iso(20), speedKmh: 30 } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [101, 13.7] }, properties: { fixTime: iso(0), speedKmh: null } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [101.5, 13.7] }, properties: { fixTime: 'yesterday-ish' } },
      ],
    };
    expect(trackFromGeoJson(collection)).toEqual([
      { t: t0, lon: 101, lat: 13.7, speedKmh: null },
      { t: t0 + 20_000, lon: 101.02, lat: 13.7, speedKmh: 30 },
    ]);
  });
});

describe('positionAt', () => {
  const track = [
    { t: t0, lon: 101, lat: 13.7, speedKmh: 20 },
    { t: t0 + 10_000, lon: 101.01, lat: 13.7, speedKmh: 30 },
    { t: t0 + 20_000, lon: 101.01, lat: 13.71, speedKmh: 10 },
  ];

  it('interpolates between fixes with the heading of the segment', () => {
    const east = positionAt(track, t0 + 5_000)!;
    expect(east.lon).toBeCloseTo(101.005, 6);
    expect(east.bearingDeg).toBeCloseTo(90, 0);
    const north = positionAt(track, t0 + 15_000)!;
    expect(north.lat).toBeCloseTo(13.705, 6);
    expect(north.bearingDeg).toBeCloseTo(0, 0);
  });

  it('clamps before the first and after the last fix, and has nothing for an empty track', () => {
    expect(positionAt(track, t0 - 1)).toMatchObject({ lon: 101, lat: 13.7 });
    expect(positionAt(track, t0 + 99_000)).toMatchObject({ lon: 101.01, lat: 13.71, bearingDeg: null });
    expect(positionAt([], t0)).toBeNull();
  });
});
