// Keyboard shortcuts for the alarm feed: J / ↓ next alarm, K / ↑ previous, A acknowledge the open one, Esc back.
import { useEffect } from 'react';
import type { Event } from '@toc/server/schemas';

interface AlarmShortcuts {
  alarms: readonly Event[];
  openId: number | null;
  open: (event: Event) => void;
  close: () => void;
  /** Null when the user may not acknowledge. */
  acknowledge: ((event: Event) => void) | null;
}

/** Typing a note or choosing a filter must not trigger shortcuts. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useAlarmShortcuts({ alarms, openId, open, close, acknowledge }: AlarmShortcuts): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const index = alarms.findIndex((a) => a.id === openId);
      const step = (delta: number) => {
        const next = alarms[index < 0 ? 0 : Math.min(alarms.length - 1, Math.max(0, index + delta))];
        if (next) open(next);
      };
      const key = e.key.toLowerCase();
      if (key === 'j' || key === 'arrowdown') step(1);
      else if (key === 'k' || key === 'arrowup') step(-1);
      else if (key === 'escape') close();
      else if (key === 'a' && acknowledge && index >= 0 && alarms[index]!.status === 'open') acknowledge(alarms[index]!);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [alarms, openId, open, close, acknowledge]);
}
