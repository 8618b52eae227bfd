// Small helpers every rule uses to build signals the same way.
import type { LonLat, Severity } from '@toc/server/schemas';
import type { Track } from '../pipeline/types';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
/** Signals are compared and stored; two decimals keep them readable and stable. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export const latestGround = (track: Track): LonLat | null =>
  track.history[track.history.length - 1]?.ground ?? null;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A condition that must hold for a while before it counts, tolerating short gaps (detector misses,
 * jitter at a zone edge) of up to `graceMs` without restarting.
 */
export interface Streak {
  since: number;
  lastTrue: number;
}

export function advanceStreak(
  streak: Streak | null,
  holds: boolean,
  t: number,
  graceMs: number,
): Streak | null {
  if (holds) return streak ? { since: streak.since, lastTrue: t } : { since: t, lastTrue: t };
  if (streak && t - streak.lastTrue <= graceMs) return streak;
  return null;
}
