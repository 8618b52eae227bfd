// Small tests for what the crash map's popups say.
import { describe, expect, it } from 'vitest';
import { popupContent, type PopupText } from './popup-content';

const text: PopupText = {
  t: (key, values) => (values ? `${key}${JSON.stringify(values)}` : key),
  formatNumber: (value) => String(value),
  formatWhen: (occurred, year) => occurred ?? `year ${year}`,
};

describe('popupContent', () => {
  it('tells one crash point by its time, worst outcome, people, road and source', () => {
    const content = popupContent(
      'point',
      {
        crashes: 1,
        deaths: 1,
        serious: 0,
        minor: 2,
        severity: 'fatal',
        occurred: '2023-04-13T18:05',
        year: 2023,
        roadName: 'ถนนสุวินทวงศ์',
        source: 'doh_csv',
      },
      text,
    );
    expect(content.title).toBe('analysis-map.popup.crash');
    expect(content.rows).toEqual([
      ['analysis-map.when', '2023-04-13T18:05'],
      ['analysis-map.severity', 'analysis-map.severity.fatal'],
      ['analysis-map.deaths', '1'],
      ['analysis-map.serious', '0'],
      ['analysis-map.minor', '2'],
      ['analysis-map.road', 'ถนนสุวินทวงศ์'],
      ['analysis-map.source', 'analysis-map.source.doh_csv'],
    ]);
    // A crash known only by its year, with no road and an unknown source, says what it knows.
    const yearOnly = popupContent('point', { crashes: '1', year: '2021', severity: 'x', source: 'y' }, text);
    expect(yearOnly.rows[0]).toEqual(['analysis-map.when', 'year 2021']);
    expect(yearOnly.rows[1]).toEqual(['analysis-map.severity', '—']);
    expect(yearOnly.rows.map(([label]) => label)).not.toContain('analysis-map.source');
  });

  it('tells a group of crash points by its count and asks to zoom in', () => {
    const content = popupContent(
      'point',
      { crashes: 37, deaths: 4, serious: 3, minor: 9, severity: 'fatal' },
      text,
    );
    expect(content.title).toBe('analysis-map.popup.crashGroup{"count":"37"}');
    expect(content.note).toBe('analysis-map.popup.zoomIn');
    expect(content.rows).toContainEqual(['analysis-map.deaths', '4']);
  });

  it('shows a hexagon’s counts and a rounded EPDO', () => {
    const content = popupContent(
      'heatmap',
      { crashes: 12, deaths: 1, serious: 2, minor: 3, epdo: 64.1234 },
      text,
    );
    expect(content.title).toBe('analysis-map.popup.hexagon');
    expect(content.rows).toContainEqual(['analysis-map.crashes', '12']);
    expect(content.rows).toContainEqual(['analysis-map.epdo', '64.1']);
  });

  it('says a hot spot’s class in words and its z-score', () => {
    const content = popupContent(
      'hotspot',
      { class: 'hot_99', z: 3.4567, p: 0.0004, crashes: 40, deaths: 2 },
      text,
    );
    expect(content.title).toBe('analysis-map.hotspot.hot_99');
    expect(content.rows).toContainEqual(['analysis-map.zScore', '3.46']);
    expect(content.rows).toContainEqual(['analysis-map.pValue', '< 0.001']);
  });

  it('shows a dash for a missing z-score and treats an unknown class as not significant', () => {
    const content = popupContent('hotspot', { class: 'lukewarm', crashes: 0, deaths: 0 }, text);
    expect(content.title).toBe('analysis-map.hotspot.not_significant');
    expect(content.rows).toContainEqual(['analysis-map.zScore', '—']);
  });

  it('names a section’s road and kilometres and marks a black spot', () => {
    const content = popupContent(
      'section',
      {
        rank: 2,
        roadCode: '304',
        roadName: 'Suwinthawong',
        fromKm: 12,
        toKm: 12.5,
        blackSpot: true,
        crashes: 9,
        deaths: 1,
        epdo: 600,
      },
      text,
    );
    expect(content.title).toBe('analysis-map.popup.section{"rank":"2"}');
    expect(content.rows).toContainEqual(['analysis-map.road', '304 Suwinthawong']);
    expect(content.rows).toContainEqual(['analysis-map.km', '12.0–12.5']);
    expect(content.note).toBe('analysis-map.popup.blackSpot');
  });
});
