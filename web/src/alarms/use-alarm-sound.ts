// The alarm sound of the map page: tones by severity, repeating until acknowledged; on by default, muted per user
// and remembered on this screen.
import { useCallback, useState } from 'react';
import type { Event, Severity } from '@toc/server/schemas';
import { useRepeatingTones } from './use-repeating-tones';

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

export function useAlarmSound(events: readonly Event[], username: string): AlarmSoundControl {
  const [muted, setMuted] = useState(() => rememberedMuted(username));
  const tones = useRepeatingTones(events, !muted);
  const { unlock } = tones;

  const toggle = useCallback(() => {
    rememberMuted(username, !muted);
    setMuted(!muted);
    if (muted) unlock();
  }, [muted, username, unlock]);

  return { muted, blocked: !muted && !tones.ready, sounding: tones.sounding, played: tones.played, toggle };
}
