// What a popup says about a clicked feature: a title and label/value rows, from the feature's properties.
import type { HotspotClass } from '@toc/server/schemas';
import type { analysisMapEn } from '../../i18n/strings/analysis-map.en';
import { HOTSPOT_CLASSES, SEVERITIES } from './crash-map-palette';

export type AnalysisMapKey = keyof typeof analysisMapEn;
export type PopupKind = 'heatmap' | 'hotspot' | 'cluster' | 'section' | 'point';

export interface PopupText {
  t: (key: AnalysisMapKey, values?: Record<string, string | number>) => string;
  formatNumber: (value: number) => string;
  /** A Bangkok wall-clock time (`2023-04-13T18:05`) or a year, as the reader writes dates (Buddhist Era in Thai). */
  formatWhen: (occurred: string | null, year: number | null) => string;
}

export interface PopupContent {
  title: string;
  rows: [label: string, value: string][];
  /** A line under the title that stands out (a black spot). */
  note?: string;
}

type Properties = Record<string, unknown>;

const DASH = '—';

const numberOf = (value: unknown): number | null => {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

export const hotspotClassKey = (cls: HotspotClass) => `analysis-map.hotspot.${cls}` as const;

type Severity = (typeof SEVERITIES)[number];
const isSeverity = (value: unknown): value is Severity =>
  typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
const SOURCES = ['doh_csv', 'fatal_points', 'camera'] as const;
const isSource = (value: unknown): value is (typeof SOURCES)[number] =>
  typeof value === 'string' && (SOURCES as readonly string[]).includes(value);

/** A crash point: one crash with its time, outcome, road and source; or a group of crashes close together. */
function pointContent(
  properties: Properties,
  text: PopupText,
  injuryRows: () => [string, string][],
): PopupContent {
  const { t } = text;
  const crashes = numberOf(properties.crashes) ?? 0;
  const severity = isSeverity(properties.severity) ? t(`analysis-map.severity.${properties.severity}`) : DASH;
  if (crashes > 1) {
    return {
      title: t('analysis-map.popup.crashGroup', { count: text.formatNumber(crashes) }),
      note: t('analysis-map.popup.zoomIn'),
      rows: [[t('analysis-map.severity'), severity], ...injuryRows().slice(1, 4)],
    };
  }
  const occurred =
    typeof properties.occurred === 'string' && properties.occurred !== '' ? properties.occurred : null;
  const rows: [string, string][] = [
    [t('analysis-map.when'), text.formatWhen(occurred, numberOf(properties.year))],
    [t('analysis-map.severity'), severity],
    ...injuryRows().slice(1, 4),
  ];
  const road = typeof properties.roadName === 'string' ? properties.roadName.trim() : '';
  if (road) rows.push([t('analysis-map.road'), road]);
  if (isSource(properties.source))
    rows.push([t('analysis-map.source'), t(`analysis-map.source.${properties.source}`)]);
  return { title: t('analysis-map.popup.crash'), rows };
}

const isHotspotClass = (value: unknown): value is HotspotClass =>
  typeof value === 'string' && (HOTSPOT_CLASSES as readonly string[]).includes(value);

export function popupContent(kind: PopupKind, properties: Properties, text: PopupText): PopupContent {
  const { t } = text;
  const count = (property: string) => {
    const n = numberOf(properties[property]);
    return n === null ? DASH : text.formatNumber(n);
  };
  // EPDO is a weighted sum: one decimal is all the weights justify.
  const epdo = () => {
    const n = numberOf(properties.epdo);
    return n === null ? DASH : text.formatNumber(Math.round(n * 10) / 10);
  };
  const injuryRows = (): [string, string][] => [
    [t('analysis-map.crashes'), count('crashes')],
    [t('analysis-map.deaths'), count('deaths')],
    [t('analysis-map.serious'), count('serious')],
    [t('analysis-map.minor'), count('minor')],
    [t('analysis-map.epdo'), epdo()],
  ];

  switch (kind) {
    case 'heatmap':
      return { title: t('analysis-map.popup.hexagon'), rows: injuryRows() };
    case 'point':
      return pointContent(properties, text, injuryRows);
    case 'cluster':
      return { title: t('analysis-map.popup.cluster', { id: count('clusterId') }), rows: injuryRows() };
    case 'hotspot': {
      const cls = isHotspotClass(properties.class) ? properties.class : 'not_significant';
      const z = numberOf(properties.z);
      const p = numberOf(properties.p);
      return {
        title: t(hotspotClassKey(cls)),
        rows: [
          [t('analysis-map.zScore'), z === null ? DASH : z.toFixed(2)],
          [t('analysis-map.pValue'), p === null ? DASH : p < 0.001 ? '< 0.001' : p.toFixed(3)],
          [t('analysis-map.crashes'), count('crashes')],
          [t('analysis-map.deaths'), count('deaths')],
        ],
      };
    }
    case 'section': {
      const road = [properties.roadCode, properties.roadName].filter(
        (v) => typeof v === 'string' && v !== '',
      );
      const fromKm = numberOf(properties.fromKm);
      const toKm = numberOf(properties.toKm);
      const rows: [string, string][] = [];
      if (road.length > 0) rows.push([t('analysis-map.road'), road.join(' ')]);
      if (fromKm !== null && toKm !== null)
        rows.push([t('analysis-map.km'), `${fromKm.toFixed(1)}–${toKm.toFixed(1)}`]);
      rows.push(
        [t('analysis-map.crashes'), count('crashes')],
        [t('analysis-map.deaths'), count('deaths')],
        [t('analysis-map.epdo'), epdo()],
      );
      const blackSpot = properties.blackSpot === true || properties.blackSpot === 'true';
      return {
        title: t('analysis-map.popup.section', { rank: count('rank') }),
        rows,
        ...(blackSpot ? { note: t('analysis-map.popup.blackSpot') } : {}),
      };
    }
  }
}
