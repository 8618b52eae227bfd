import { describe, expect, it } from 'vitest';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import { setSourceData } from './set-source-data';

/** A map holding GeoJSON sources that record what they were given. */
function mapWithSources(...ids: string[]) {
  const given = new Map<string, unknown[]>();
  const sources = new Map(
    ids.map((id) => {
      given.set(id, []);
      return [id, { setData: (data: unknown) => given.get(id)!.push(data) } as unknown as GeoJSONSource];
    }),
  );
  const map = { getSource: (id: string) => sources.get(id) } as unknown as MapLibreMap;
  return { map, given, sources };
}

const point = (lon: number) => ({ type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lon, 13.7] }, properties: { id: 1 } }] });

describe('setSourceData', () => {
  it('sets new data, skips data equal to what the source shows, and sets it again once it changes', () => {
    const { map, given } = mapWithSources('cameras');
    expect(setSourceData(map, 'cameras', point(101))).toBe(true);
    expect(setSourceData(map, 'cameras', point(101))).toBe(false);
    expect(setSourceData(map, 'cameras', point(101.5))).toBe(true);
    expect(given.get('cameras')).toEqual([point(101), point(101.5)]);
  });

  it('judges each source on its own and does nothing for a source the map does not have', () => {
    const { map, given } = mapWithSources('a', 'b');
    setSourceData(map, 'a', point(101));
    expect(setSourceData(map, 'b', point(101))).toBe(true);
    expect(setSourceData(map, 'missing', point(101))).toBe(false);
    expect(given.get('b')).toHaveLength(1);
  });

  it('sets the data again on a source that was removed and added anew (a style reload)', () => {
    const first = mapWithSources('cameras');
    setSourceData(first.map, 'cameras', point(101));
    const again = mapWithSources('cameras');
    expect(setSourceData(again.map, 'cameras', point(101))).toBe(true);
  });
});
