// Sequential colour scale of the weekday × hour matrix: light yellow for few crashes to dark red for the most.

/** ColorBrewer YlOrRd, light to dark. */
const STOPS = [
  '#ffffcc',
  '#ffeda0',
  '#fed976',
  '#feb24c',
  '#fd8d3c',
  '#fc4e2a',
  '#e31a1c',
  '#bd0026',
  '#800026',
];

const rgb = (hex: string) =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const toHex = (channels: number[]) =>
  `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Where a count sits on the scale, 0..1; null for no crashes, which are left uncoloured so they stand apart. */
export function heatLevel(count: number, max: number): number | null {
  if (!(count > 0) || !(max > 0)) return null;
  return Math.min(1, count / max);
}

/** The colour of a level (0..1), interpolated between the stops. */
export function heatColor(level: number): string {
  const position = Math.max(0, Math.min(1, level)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(position));
  const a = rgb(STOPS[i] ?? '#ffffcc');
  const b = rgb(STOPS[i + 1] ?? '#800026');
  const f = position - i;
  return toHex(a.map((c, k) => c + ((b[k] ?? c) - c) * f));
}

/** Text readable on a level's colour: dark on the yellows, white on the reds. */
export const heatTextColor = (level: number) => (level < 0.55 ? '#1f1300' : '#ffffff');

/** The scale's end colours, for the legend's gradient. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${STOPS.join(', ')})`;
