// Axis helpers of the SVG charts: round gridline values, and axis labels thinned so that none overlaps another.

/** Gridline values from 0 to a round maximum at or above `max` (1, 2 or 5 times a power of ten apart). */
export function niceTicks(max: number, wanted = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / wanted;
  const power = 10 ** Math.floor(Math.log10(rough));
  // Counts are whole: a step under 1 would give gridlines at 0.5 crashes.
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

export interface AxisLabel {
  /** Centre of the label, in viewBox units. */
  x: number;
  /** Width the text takes, in viewBox units (estimated). */
  width: number;
}

/**
 * Indexes of the labels to draw, left to right, skipping any that would touch the one drawn before it or stick out of
 * [left, right]; a partial first year (one month) would otherwise print its year over the next one's.
 */
export function fitLabels(labels: readonly AxisLabel[], left: number, right: number, gap = 4): number[] {
  const kept: number[] = [];
  let end = -Infinity;
  labels.forEach((label, i) => {
    const from = label.x - label.width / 2;
    const to = label.x + label.width / 2;
    if (from < left - gap || to > right + gap || from < end + gap) return;
    kept.push(i);
    end = to;
  });
  return kept;
}

/** Thai vowel and tone marks above or below a consonant take no width of their own. */
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;

/** Rough width of a short label: charts have no DOM to measure in while rendering. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    if (COMBINING.test(char)) continue;
    // Dots and commas ("มี.ค.", "1,500") are narrow.
    ems += char === '.' || char === ',' || char === ' ' ? 0.3 : 0.6;
  }
  return ems * fontSize;
}
