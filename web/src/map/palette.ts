// Map colours and sizes keyed by schema values, shared by the layers and the side panel legend.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { CameraState, EventStatus, EventType, Severity } from '@toc/server/schemas';

export const CAMERA_STATUS_COLORS: Record<CameraState, string> = {
  online: '#22c55e',
  starting: '#38bdf8',
  stalled: '#f59e0b',
  offline: '#94a3b8',
  error: '#ef4444',
  disabled: '#475569',
};

export const EVENT_TYPE_COLORS: Record<EventType, string> = {
  'traffic.vehicles': '#60a5fa',
  'traffic.accident': '#ef4444',
  'traffic.incident': '#f97316',
  'traffic.congestion': '#facc15',
  'elephant.sighting': '#c084fc',
  'elephant.warning': '#e879f9',
  'crowd.count': '#2dd4bf',
  'crowd.alert': '#fb7185',
  'bus.off_route': '#f59e0b',
  'bus.overspeed': '#f43f5e',
  'bus.bunching': '#a78bfa',
  'bus.gap': '#818cf8',
  'bus.stale': '#94a3b8',
  'recording.gap': '#fb923c',
  'recording.storage': '#eab308',
  'recording.paused': '#f97316',
  'camera.behind': '#f97316',
  'camera.waiting': '#f97316',
  'recording.volume': '#dc2626',
};

/** Event marker radius in pixels at zoom 9 (large enough for its pictogram); layers scale it up with zoom. */
export const SEVERITY_RADIUS: Record<Severity, number> = {
  info: 7,
  low: 8,
  medium: 9,
  high: 11,
  critical: 13,
};

export const EVENT_STATUS_OPACITY: Record<EventStatus, number> = {
  open: 0.95,
  acknowledged: 0.7,
  resolved: 0.3,
  false_alarm: 0.2,
};

export const BASEMAP_COLORS = {
  background: '#0b1220',
  districtFill: '#14213a',
  districtLine: '#5b7290',
  subdistrictLine: '#2c3d57',
  roads: { motorway: '#f97316', trunk: '#eab308', primary: '#a3a38c', other: '#6b7280' },
} as const;

/** A MapLibre `match` expression mapping a feature property through a lookup table. */
export function matchProperty<K extends string, V extends string | number>(
  property: string,
  table: Record<K, V>,
  fallback: V,
): ExpressionSpecification {
  const pairs = (Object.entries(table) as [K, V][]).flat();
  // A non-empty table makes this a well-formed match; the tuple type cannot express that.
  return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** Event marker colour by severity (the pictogram inside says the type). */
export const SEVERITY_COLORS: Record<Severity, string> = {
  info: '#94a3b8',
  low: '#38bdf8',
  medium: '#facc15',
  high: '#f97316',
  critical: '#ef4444',
};

/**
 * Crowd density in people per m², after the usual levels of service for standing crowds: free to move below
 * ~0.5, crowded near 1, dense by 2, dangerous from about 4.
 */
export const CROWD_DENSITY_STOPS: readonly (readonly [number, string])[] = [
  [0, '#22c55e'],
  [0.5, '#facc15'],
  [1, '#f97316'],
  [2, '#ef4444'],
  [4, '#c026d3'],
];
export const CROWD_NO_DATA_COLOR = '#64748b';

/** Tracked object colour by detector class; both spellings of motorcycle. */
export const OBJECT_CLASS_COLORS: Record<string, string> = {
  car: '#38bdf8',
  truck: '#f59e0b',
  bus: '#a78bfa',
  motorcycle: '#34d399',
  motorbike: '#34d399',
  bicycle: '#a3e635',
  person: '#f472b6',
  elephant: '#e879f9',
};
export const OBJECT_OTHER_COLOR = '#e5e7eb';
/** The classes the legend lists (one spelling each). */
export const OBJECT_LEGEND_CLASSES = [
  'car',
  'truck',
  'bus',
  'motorcycle',
  'bicycle',
  'person',
  'elephant',
] as const;

/** The ring around a bus disc: what is wrong with it, or green for an electric bus in normal service. */
export const BUS_CONDITION_RING = {
  normal: '#ffffff',
  electric: '#4ade80',
  off_route: '#f97316',
  stale: '#64748b',
} as const;

/** Stops on the bus layer: a small light disc with a dark edge, readable over any route colour. */
export const BUS_STOP_COLORS = { fill: '#f8fafc', stroke: '#0b1220' } as const;
