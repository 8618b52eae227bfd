// The wall's sound switch: off by default and remembered on this screen; when on, the waiting alarms sound by
// severity and repeat until acknowledged (the same tones and pace as the map page).
import { useCallback, useState } from 'react';
import type { Event } from '@toc/server/schemas';
import { useRepeatingTones } from '../alarms/use-repeating-tones';
import { rememberedSound, rememberSound } from './wall-preferences';

export interface AlertSoundControl {
  enabled: boolean;
  /** On, but the browser still waits for a click before it plays anything. */
  blocked: boolean;
  /** How many alerts have sounded on this page (shown as a data attribute, for tests and support). */
  played: number;
  /** Call from the click handler of the switch: turning sound on needs that click. */
  toggle: () => void;
}

export function useAlertSound(alarms: readonly Event[]): AlertSoundControl {
  const [enabled, setEnabled] = useState(rememberedSound);
  const tones = useRepeatingTones(alarms, enabled);
  const { unlock } = tones;

  const toggle = useCallback(() => {
    rememberSound(!enabled);
    setEnabled(!enabled);
    if (!enabled) unlock();
  }, [enabled, unlock]);

  return { enabled, blocked: enabled && !tones.ready, played: tones.played, toggle };
}
