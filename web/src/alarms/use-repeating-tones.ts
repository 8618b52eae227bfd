// Plays the alarm tones by the sound policy for a list of alarms: at once for a new one, then repeating until all
// are acknowledged; unlocked by the first click or key press (browsers allow sound only after one).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Event, Severity } from '@toc/server/schemas';
import { initialSoundState, nextSound, soundingSeverity } from './alarm-sound-policy';
import { AlarmTones } from './alarm-tones';

export interface RepeatingTones {
  /** The browser lets this page play sound. */
  ready: boolean;
  /** The severity now repeating, or null when nothing waits. */
  sounding: Severity | null;
  /** How many times a tone has played on this page. */
  played: number;
  /** Call inside a click: the one moment a browser allows audio to start. */
  unlock: () => void;
}

/** How often the policy is asked whether to play: the repeat intervals are whole seconds. */
const TICK_MS = 1000;

export function useRepeatingTones(events: readonly Event[], audible: boolean): RepeatingTones {
  const tones = useRef<AlarmTones | null>(null);
  tones.current ??= new AlarmTones();
  const [ready, setReady] = useState(false);
  const [played, setPlayed] = useState(0);
  const [sounding, setSounding] = useState<Severity | null>(null);
  const state = useRef(initialSoundState());
  const primed = useRef(false);
  const latest = useRef(events);
  latest.current = events;

  useEffect(() => () => tones.current?.close(), []);

  const unlock = useCallback(() => void tones.current!.unlock().then(setReady), []);
  useEffect(() => {
    if (ready || !audible) return;
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [ready, audible, unlock]);

  const tick = useCallback(() => {
    // The page just loaded: alarms already waiting are taken as heard, and repeat from now (no burst).
    const decision = nextSound(state.current, latest.current, Date.now(), primed.current);
    primed.current = true;
    state.current = decision.state;
    setSounding(soundingSeverity(latest.current));
    if (decision.play && audible && tones.current!.play(decision.play)) setPlayed((n) => n + 1);
  }, [audible]);

  // A new alarm sounds at once; the timer carries the repeats.
  useEffect(tick, [events, tick]);
  useEffect(() => {
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [tick]);

  return { ready, sounding, played, unlock };
}
