// The alarm sound of a page: plays by the sound policy, on by default, muted per user and remembered on this
// screen, and unlocked by the first click or key press (browsers allow sound only after one).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Event, Severity } from '@toc/server/schemas';
import { initialSoundState, nextSound, soundingSeverity } from './alarm-sound-policy';
import { AlarmTones } from './alarm-tones';

export interface AlarmSoundControl {
  muted: boolean;
  /** Not muted, but the browser still waits for a click before it plays anything. */
  blocked: boolean;
  /** The severity now repeating, or null when nothing waits (shown as a data attribute, for tests and support). */
  sounding: Severity | null;
  /** How many times a tone has played on this page. */
  played: number;
  toggle: () => void;
}

const storageKey = (username: string) => `toc.alarmSound.${username}`;

function rememberedMuted(username: string): boolean {
  try {
    return localStorage.getItem(storageKey(username)) === 'muted';
  } catch {
    return false;
  }
}

function rememberMuted(username: string, muted: boolean): void {
  try {
    localStorage.setItem(storageKey(username), muted ? 'muted' : 'on');
  } catch {
    // Private mode or a full quota: the choice holds for this page only.
  }
}

/** How often the policy is asked whether to play: the repeat intervals are whole seconds. */
const TICK_MS = 1000;

export function useAlarmSound(events: readonly Event[], username: string): AlarmSoundControl {
  const tones = useRef<AlarmTones | null>(null);
  tones.current ??= new AlarmTones();
  const [muted, setMuted] = useState(() => rememberedMuted(username));
  const [ready, setReady] = useState(false);
  const [played, setPlayed] = useState(0);
  const [sounding, setSounding] = useState<Severity | null>(null);
  const state = useRef(initialSoundState());
  const primed = useRef(false);
  const latest = useRef(events);
  latest.current = events;

  useEffect(() => () => tones.current?.close(), []);

  useEffect(() => {
    if (ready) return;
    const unlock = () => void tones.current!.unlock().then(setReady);
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [ready]);

  const tick = useCallback(() => {
    const decision = nextSound(state.current, latest.current, Date.now(), primed.current);
    primed.current = true;
    state.current = decision.state;
    setSounding(soundingSeverity(latest.current));
    if (decision.play && !muted && tones.current!.play(decision.play)) setPlayed((n) => n + 1);
  }, [muted]);

  // A new alarm sounds at once; the timer carries the repeats.
  useEffect(tick, [events, tick]);
  useEffect(() => {
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [tick]);

  const toggle = useCallback(() => {
    rememberMuted(username, !muted);
    setMuted(!muted);
    if (muted) void tones.current!.unlock().then(setReady);
  }, [muted, username]);

  return { muted, blocked: !muted && !ready, sounding, played, toggle };
}

