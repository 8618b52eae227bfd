// The playback page's keys (see playback-keys.ts), acting on the main player; typing in a field is left alone.
import { useEffect } from 'react';
import { playbackKeyAction } from './playback-keys';
import type { RecordedPlayback } from './recorded-playback';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function usePlaybackShortcuts(player: RecordedPlayback | null, onRate: (rate: number) => void): void {
  useEffect(() => {
    if (!player) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const action = playbackKeyAction(e.key, player.state.get().rate);
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'toggle') player.toggle();
      else if (action.kind === 'frame') player.stepFrame(action.direction);
      else if (action.kind === 'jump') player.jump(action.seconds);
      else onRate(action.speed);
    };
    // Space on a focused button would also click it (on key up): the shortcut alone acts.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && e.target instanceof HTMLButtonElement) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [player, onRate]);
}
