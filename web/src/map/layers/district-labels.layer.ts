// District names as HTML markers (the offline style has no glyphs), in the current UI language.
import type { FeatureCollection } from 'geojson';
import { Marker, type MapLibreMap } from 'maplibre-gl';
import type { Language } from '../../i18n/i18n';
import { labelPoint } from '../geo/label-point';

/** Property holding a district's name in each UI language (OCHA COD-AB admin level 2). */
const NAME_PROPERTIES: Record<Language, string> = { th: 'ADM2_TH', en: 'ADM2_EN' };

export interface DistrictLabels {
  setLanguage(language: Language): void;
  setVisible(visible: boolean): void;
  remove(): void;
}

interface Label {
  element: HTMLElement;
  names: Partial<Record<Language, string>>;
  marker: Marker;
}

export function addDistrictLabels(map: MapLibreMap, districts: FeatureCollection | null, language: Language): DistrictLabels {
  const labels: Label[] = [];
  for (const feature of districts?.features ?? []) {
    const point = feature.geometry ? labelPoint(feature.geometry) : null;
    if (!point) continue;
    const names: Partial<Record<Language, string>> = {};
    for (const [lang, property] of Object.entries(NAME_PROPERTIES) as [Language, string][]) {
      const value = feature.properties?.[property];
      if (typeof value === 'string' && value) names[lang] = value;
    }
    const element = document.createElement('div');
    element.className = 'map-label district-label';
    const marker = new Marker({ element, anchor: 'center' }).setLngLat(point).addTo(map);
    labels.push({ element, names, marker });
  }

  const setLanguage = (lang: Language) => {
    for (const label of labels) {
      label.element.textContent = label.names[lang] ?? label.names.en ?? label.names.th ?? '';
      label.element.lang = lang;
    }
  };
  setLanguage(language);

  return {
    setLanguage,
    setVisible: (visible) => labels.forEach((label) => (label.element.style.display = visible ? '' : 'none')),
    remove: () => labels.forEach((label) => label.marker.remove()),
  };
}
