// How long after an alarm is over a repeat of the same thing still folds into it, per event type.
import type { EventType } from '../schemas';

/**
 * Seconds after an alarm ended during which a repeat trigger with the same fold key folds into it (count + 1)
 * instead of opening a new alarm. Long for conditions that come and go (a crowd that thins and gathers again,
 * a queue that clears and builds, a bus that flaps on and off its route); shorter for incidents, where a new
 * occurrence after a quiet spell is more likely a new incident. Types not listed never fold.
 */
export const FOLD_WINDOW_S: Partial<Record<EventType, number>> = {
  'crowd.alert': 30 * 60,
  'traffic.congestion': 30 * 60,
  'traffic.incident': 15 * 60,
  'traffic.accident': 10 * 60,
  'elephant.sighting': 60 * 60,
  'bus.off_route': 30 * 60,
  'bus.overspeed': 30 * 60,
  'bus.bunching': 30 * 60,
  'bus.gap': 30 * 60,
  'bus.stale': 30 * 60,
  // Recording troubles come and go with the disk and the network: one alarm with a count, not one per check.
  'recording.gap': 30 * 60,
  'recording.storage': 60 * 60,
  'recording.paused': 60 * 60,
  'recording.volume': 60 * 60,
  // A worker that falls behind under load does so again at the next peak: one alarm with a count.
  'camera.behind': 60 * 60,
  'camera.waiting': 60 * 60,
};

/** The earliest end an alarm may have for a repeat raised at `raisedAt` to fold into it, or null if the type never folds. */
export function foldSince(type: EventType, raisedAt: string): string | null {
  const windowS = FOLD_WINDOW_S[type];
  if (windowS === undefined) return null;
  return new Date(Date.parse(raisedAt) - windowS * 1000).toISOString();
}
