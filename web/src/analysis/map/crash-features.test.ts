// Small tests for the points the crash map draws for clusters and ranked sections.
import { describe, expect, it } from 'vitest';
import type { CrashClusterCollection, RoadSection } from '@toc/server/schemas';
import { clusterPoints, sectionPoints, shortCount } from './crash-features';

describe('clusterPoints', () => {
  it('puts each cluster at its centroid, labelled with its crashes', () => {
    const clusters = {
      type: 'FeatureCollection',
      crashes: 100,
      clusters: 1,
      clusteredCrashes: 12,
      features: [
        {
          type: 'Feature',
          id: 1,
          geometry: { type: 'Polygon', coordinates: [] },
          properties: {
            clusterId: 1,
            crashes: 12,
            deaths: 1,
            serious: 2,
            minor: 3,
            epdo: 150,
            years: [2023],
            topCause: null,
            centroid: { lon: 101.1, lat: 13.7 },
          },
        },
      ],
    } satisfies CrashClusterCollection;
    const [point] = clusterPoints(clusters).features;
    expect(point?.geometry.coordinates).toEqual([101.1, 13.7]);
    expect(point?.properties).toMatchObject({ clusterId: 1, crashes: 12, label: '12' });
    expect(clusterPoints(null).features).toEqual([]);
  });
});

describe('sectionPoints', () => {
  it('keeps rank and black spot, with empty text for a missing road name', () => {
    const section = {
      rank: 3,
      blackSpot: true,
      location: { lon: 101.2, lat: 13.6 },
      crashes: 5,
      deaths: 2,
      epdo: 1100,
      roadCode: '304',
      roadName: null,
      fromKm: 10,
      toKm: 10.5,
    } as RoadSection;
    const [point] = sectionPoints([section]).features;
    expect(point?.geometry.coordinates).toEqual([101.2, 13.6]);
    expect(point?.properties).toMatchObject({ rank: 3, blackSpot: true, roadCode: '304', roadName: '' });
  });
});

describe('shortCount', () => {
  it('keeps counts under ten thousand and shortens the rest', () => {
    expect(shortCount(9999)).toBe('9999');
    expect(shortCount(12_345)).toBe('12k');
  });
});
