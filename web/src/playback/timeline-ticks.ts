// Tick marks under the timeline, on round Bangkok clock times (UTC+7 all year), as dense as the width allows.
import type { TimeView } from './timeline-scale';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BANGKOK_OFFSET_MS = 7 * HOUR;
/** Steps a person reads a clock in; every one divides a day, so ticks fall on the same times each day. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360].map((m) => m * MINUTE);

export interface Tick {
  at: number;
  /** "HH:MM" on the Bangkok clock. */
  label: string;
  /** Whole hours (when ticks are minutes apart), or midnight and every six hours: drawn stronger. */
  major: boolean;
}

/** The smallest step that keeps labels at least `minGapPx` apart at this width. */
export function tickStep(spanMs: number, widthPx: number, minGapPx = 64): number {
  const perPx = spanMs / Math.max(1, widthPx);
  return STEPS.find((step) => step / perPx >= minGapPx) ?? STEPS.at(-1)!;
}

export function bangkokClockLabel(at: number): string {
  return new Date(at + BANGKOK_OFFSET_MS).toISOString().slice(11, 16);
}

export function timelineTicks(view: TimeView, widthPx: number, minGapPx?: number): Tick[] {
  const step = tickStep(view.to - view.from, widthPx, minGapPx);
  const majorEvery = step < HOUR ? HOUR : 6 * HOUR;
  // Round in Bangkok time: shift to the local clock, round up to the step, shift back.
  let at = Math.ceil((view.from + BANGKOK_OFFSET_MS) / step) * step - BANGKOK_OFFSET_MS;
  const ticks: Tick[] = [];
  for (; at <= view.to; at += step) {
    ticks.push({ at, label: bangkokClockLabel(at), major: (at + BANGKOK_OFFSET_MS) % majorEvery === 0 });
  }
  return ticks;
}
