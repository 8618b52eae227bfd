// Small tests for what the crash map's popups say.
import { describe, expect, it } from 'vitest';
import { popupContent, type PopupText } from './popup-content';

const text: PopupText = {
  t: (key, values) => (values ? `${key}${JSON.stringify(values)}` : key),
  formatNumber: (value) => String(value),
};

describe('popupContent', () => {
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
