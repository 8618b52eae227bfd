import { describe, expect, it } from 'vitest';
import { crashFilterQuery, crashQueryString, DEFAULT_FILTER, readCrashQuery } from './crash-filter-state';

describe('crashFilterQuery', () => {
  it('sends only what is set, lists comma-joined and hours in order', () => {
    const query = crashFilterQuery({
      ...DEFAULT_FILTER,
      area: 'TH2401',
      hours: [23, 0, 1],
      weekdays: [6, 0],
      severities: ['fatal', 'serious'],
      festival: 'songkran',
    });
    expect(query).toEqual({
      area: 'TH2401',
      hour: '0,1,23',
      weekday: '0,6',
      severity: 'fatal,serious',
      festival: 'songkran',
    });
  });

  it('sends a drawn polygon as GeoJSON text', () => {
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [101, 13.6],
          [101.1, 13.6],
          [101.1, 13.7],
          [101, 13.6],
        ],
      ] as [number, number][][],
    };
    const search = new URLSearchParams(
      crashQueryString({ ...DEFAULT_FILTER, area: '', polygon }, { limit: 5 }),
    );
    expect(JSON.parse(search.get('polygon')!)).toEqual(polygon);
    expect(search.get('limit')).toBe('5');
    expect(search.has('area')).toBe(false);
  });
});

describe('readCrashQuery', () => {
  it('reads back every field the query string carries', () => {
    const filter = {
      ...DEFAULT_FILTER,
      area: 'TH2404',
      from: '2012-01-01',
      to: '2012-06-30',
      weekdays: [0, 6],
      hours: [7, 8],
      festival: 'new_year' as const,
      causes: ['speeding'],
      severities: ['fatal' as const],
    };
    expect(readCrashQuery(new URLSearchParams(crashQueryString(filter)))).toEqual(filter);
  });

  it('drops what it cannot read instead of failing', () => {
    const read = readCrashQuery(new URLSearchParams('polygon=%7Bbroken&severity=fatal,deadly&festival=xmas'));
    expect(read.polygon).toBeNull();
    expect(read.severities).toEqual(['fatal']);
    expect(read.festival).toBe('');
  });
});
