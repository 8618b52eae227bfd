// Steps the wall through its camera groups every cycleSeconds, with pause and "next group now".
import { useCallback, useEffect, useState } from 'react';

export interface WallCycle {
  /** Index of the group on screen. */
  index: number;
  /** False when the wall has one group or cycling is off (cycleSeconds = 0). */
  cycling: boolean;
  paused: boolean;
  /** Changes on every step and every resume: keys the progress bar so it restarts with the period. */
  round: number;
  togglePause: () => void;
  next: () => void;
}

/** `key` names the wall: choosing another wall starts again at its first group. */
export function useWallCycle(key: number | null, groupCount: number, cycleSeconds: number): WallCycle {
  const [state, setState] = useState({ key, index: 0, round: 0 });
  const [paused, setPaused] = useState(false);
  // Adjusting state while rendering (React re-renders at once, before anything is shown).
  if (state.key !== key) setState({ key, index: 0, round: state.round + 1 });
  const index = groupCount > 0 ? state.index % groupCount : 0;
  const cycling = cycleSeconds > 0 && groupCount > 1;

  const next = useCallback(() => {
    setState((s) => ({ ...s, index: groupCount > 0 ? (s.index + 1) % groupCount : 0, round: s.round + 1 }));
  }, [groupCount]);

  const togglePause = useCallback(() => {
    setPaused((p) => !p);
    // A resumed wall gives the group on screen a full period again.
    setState((s) => ({ ...s, round: s.round + 1 }));
  }, []);

  // One timer per period: a manual step or a resume restarts it (through `round`).
  useEffect(() => {
    if (!cycling || paused) return;
    const timer = setTimeout(next, cycleSeconds * 1000);
    return () => clearTimeout(timer);
  }, [cycling, paused, cycleSeconds, next, state.round]);

  return { index, cycling, paused, round: state.round, togglePause, next };
}
