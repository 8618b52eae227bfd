// Colours of the crash analysis map, shared by its layers and its legend so the two cannot drift apart.
import type { HotspotClass } from '@toc/server/schemas';

/**
 * Crashes per heatmap hexagon → colour (ColorBrewer YlOrRd). The stops are logarithmic because a hexagon is about
 * 1/12 of a tile wide at every zoom: the same street holds hundreds of crashes per cell at zoom 9 and a few at 16.
 */
export const HEATMAP_CRASH_STOPS: readonly (readonly [number, string])[] = [
  [1, '#ffffb2'],
  [3, '#fed976'],
  [10, '#feb24c'],
  [30, '#fd8d3c'],
  [100, '#f03b20'],
  [300, '#bd0026'],
];
export const HEATMAP_OPACITY = 0.6;

/** Gi* classes in the usual hot/cold diverging scheme; not significant has no fill, only a thin outline. */
export const HOTSPOT_CLASS_COLORS: Record<HotspotClass, string> = {
  hot_99: '#d7191c',
  hot_95: '#f0644a',
  hot_90: '#fdae61',
  not_significant: '#94a3b8',
  cold_90: '#abd9e9',
  cold_95: '#5aa5d6',
  cold_99: '#2c7bb6',
};
/** Strongest first, as the legend lists them. */
export const HOTSPOT_CLASSES: readonly HotspotClass[] = [
  'hot_99',
  'hot_95',
  'hot_90',
  'not_significant',
  'cold_90',
  'cold_95',
  'cold_99',
];
export const HOTSPOT_FILL_OPACITY = 0.6;

/** A crash point (or a cluster of them) by its worst outcome; ringed in white to stand out of the heatmap. */
export const SEVERITY_COLORS = {
  fatal: '#991b1b',
  serious: '#ea580c',
  minor: '#facc15',
  damage_only: '#94a3b8',
} as const;
export const SEVERITIES = ['fatal', 'serious', 'minor', 'damage_only'] as const;
export const POINT_RING = '#ffffff';

export const CLUSTER_COLORS = { fill: '#a855f7', ring: '#f3e8ff', hull: '#c084fc' } as const;

/** Ranked sections in amber; black spots in a strong red with a white ring, so they stand out from the heatmap. */
export const SECTION_COLORS = {
  section: '#f59e0b',
  sectionRing: '#0b1220',
  blackSpot: '#b91c1c',
  blackSpotRing: '#ffffff',
} as const;

export const DRAW_COLORS = { line: '#38bdf8', fill: '#38bdf8', vertex: '#ffffff' } as const;
