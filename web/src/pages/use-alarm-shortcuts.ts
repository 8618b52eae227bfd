// Keyboard shortcuts for the alarm feed: J / ↓ next alarm, K / ↑ previous, N next unacknowledged by priority,
// A acknowledge the open one, Esc back.
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

/**
 * The unacknowledged alarm to go to next: the list is in priority order, so the first one after the opened alarm,
 * wrapping round to the top (the highest priority) at the end.
 */
export function nextUnacknowledged(alarms: readonly Event[], openId: number | null): Event | undefined {
  const index = alarms.findIndex((a) => a.id === openId);
  const waiting = (a: Event) => a.status === 'open' && a.id !== openId;
  return alarms.slice(index + 1).find(waiting) ?? alarms.find(waiting);
}

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
      else if (key === 'n') {
        const next = nextUnacknowledged(alarms, openId);
        if (next) open(next);
      } else if (key === 'escape') close();
      else if (key === 'a' && acknowledge && index >= 0 && alarms[index]!.status === 'open') acknowledge(alarms[index]!);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [alarms, openId, open, close, acknowledge]);
}
