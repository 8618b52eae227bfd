// When the alarm sound plays (pure): at once for a new unacknowledged alarm, then again every so often, faster
// the more severe, until every sounding alarm is acknowledged.
import { SEVERITIES, type Event, type Severity } from '@toc/server/schemas';
import { TONE_PATTERNS } from './alarm-tones';

/** Seconds between repeats while an alarm of this severity waits for acknowledgement. */
export const REPEAT_S: Partial<Record<Severity, number>> = { critical: 15, high: 30, medium: 60 };

export interface SoundState {
  /** Unacknowledged sounding alarms already announced. */
  heard: ReadonlySet<number>;
  lastPlayedAt: number | null;
}

export const initialSoundState = (): SoundState => ({ heard: new Set(), lastPlayedAt: null });

const sounds = (event: Event) => event.status === 'open' && TONE_PATTERNS[event.severity] !== undefined;

/** The most severe unacknowledged alarm that sounds, or null when none waits. */
export function soundingSeverity(events: readonly Event[]): Severity | null {
  let top = -1;
  for (const event of events) if (sounds(event)) top = Math.max(top, SEVERITIES.indexOf(event.severity));
  return top < 0 ? null : SEVERITIES[top]!;
}

/**
 * What to play now, if anything, and the state after. `primed` false (the page just loaded) takes the waiting
 * alarms as heard without a sound burst, and the repeat starts from now.
 */
export function nextSound(state: SoundState, events: readonly Event[], now: number, primed = true): { play: Severity | null; state: SoundState } {
  const waiting = events.filter(sounds);
  const heard = new Set(waiting.map((e) => e.id));
  const top = soundingSeverity(waiting);
  if (top === null) return { play: null, state: { heard, lastPlayedAt: null } };
  if (!primed) return { play: null, state: { heard, lastPlayedAt: state.lastPlayedAt ?? now } };
  const fresh = waiting.filter((e) => !state.heard.has(e.id));
  if (fresh.length > 0) {
    return { play: soundingSeverity(fresh), state: { heard, lastPlayedAt: now } };
  }
  const due = state.lastPlayedAt === null || now - state.lastPlayedAt >= REPEAT_S[top]! * 1000;
  return due ? { play: top, state: { heard, lastPlayedAt: now } } : { play: null, state: { heard, lastPlayedAt: state.lastPlayedAt } };
}
