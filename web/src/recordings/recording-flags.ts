// Which cameras' recording needs attention, and why: the recorder's own report (live from the camera list, else the
// last one stored) read against the footage index and the retention settings.
import type { RecordingHealth, RecordingState, RecordingWorkerHealth } from '@toc/server/schemas';

/** Segments close every few seconds: a recording camera with nothing newer than this has stopped writing. */
export const STALE_AFTER_MS = 60_000;

export type RecordingProblem = 'error' | 'paused' | 'stale' | 'silent' | 'short';
/** error, paused and stale lose footage now; silent and short are worth a look. */
export type FlagLevel = 'ok' | 'warning' | 'problem';

export interface CameraRecordingView {
  /** Null: the recorder has not reported on this camera. */
  state: RecordingState | null;
  reason: string | null;
  pausedReason: string | null;
  lastSegmentAt: string | null;
  problems: RecordingProblem[];
  level: FlagLevel;
}

const LOSING: readonly RecordingProblem[] = ['error', 'paused', 'stale'];

/** The later of two instants (either may be missing). */
function later(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = a ? Date.parse(a) : Number.NaN;
  const tb = b ? Date.parse(b) : Number.NaN;
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? null : b!;
  return Number.isNaN(tb) || ta >= tb ? a! : b!;
}

export function recordingView(
  health: RecordingHealth,
  live: RecordingWorkerHealth | null | undefined,
  now: number,
): CameraRecordingView {
  // The camera list carries the recorder's report as the socket delivers it: newer than the overview's copy.
  const worker = live ?? health.worker;
  const state = worker?.state ?? null;
  const lastSegmentAt = later(worker?.lastSegmentAt, health.lastSegmentAt);
  const problems: RecordingProblem[] = [];
  if (state === 'error') problems.push('error');
  if (state === 'paused' || health.pausedReason !== null) problems.push('paused');
  if (state === 'recording' && (lastSegmentAt === null || now - Date.parse(lastSegmentAt) > STALE_AFTER_MS))
    problems.push('stale');
  if (health.enabled && worker === null) problems.push('silent');
  if (health.enabled && health.daysForecast < health.minDays) problems.push('short');
  const level: FlagLevel = problems.some((p) => LOSING.includes(p))
    ? 'problem'
    : problems.length > 0
      ? 'warning'
      : 'ok';
  return {
    state,
    reason: worker?.reason ?? null,
    pausedReason: health.pausedReason,
    lastSegmentAt,
    problems,
    level,
  };
}
