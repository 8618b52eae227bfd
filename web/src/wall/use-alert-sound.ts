// The wall's sound switch: off by default, remembered, and unlocked by the first click or key press after a reload.
import { useCallback, useEffect, useRef, useState } from 'react';
import { AlertSound } from './alert-sound';
import { rememberedSound, rememberSound } from './wall-preferences';

export interface AlertSoundControl {
  enabled: boolean;
  /** On, but the browser still waits for a click before it plays anything. */
  blocked: boolean;
  /** How many alerts have sounded on this page (shown as a data attribute, for tests and support). */
  played: number;
  /** Call from the click handler of the switch: turning sound on needs that click. */
  toggle: () => void;
  play: () => void;
}

export function useAlertSound(): AlertSoundControl {
  const sound = useRef<AlertSound | null>(null);
  sound.current ??= new AlertSound();
  const [enabled, setEnabled] = useState(rememberedSound);
  const [ready, setReady] = useState(false);
  const [played, setPlayed] = useState(0);

  useEffect(() => () => sound.current?.close(), []);

  // Remembered as on: the browser needs a gesture first, so the next click or key anywhere unlocks it.
  useEffect(() => {
    if (!enabled || ready) return;
    const unlock = () => void sound.current!.unlock().then(setReady);
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [enabled, ready]);

  const toggle = useCallback(() => {
    rememberSound(!enabled);
    setEnabled(!enabled);
    // Inside the click: the one moment the browser allows audio to start.
    if (!enabled) void sound.current!.unlock().then(setReady);
  }, [enabled]);

  const play = useCallback(() => {
    if (enabled && sound.current!.play()) setPlayed((n) => n + 1);
  }, [enabled]);

  return { enabled, blocked: enabled && !ready, played, toggle, play };
}
