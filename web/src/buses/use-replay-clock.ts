// The replay clock: a time between the track's first and last fix that runs at a chosen speed while playing.
import { useCallback, useEffect, useRef, useState } from 'react';

export const REPLAY_SPEEDS = [1, 10, 30, 60, 300] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export interface ReplayClock {
  t: number;
  playing: boolean;
  speed: ReplaySpeed;
  play: () => void;
  pause: () => void;
  seek: (t: number) => void;
  setSpeed: (speed: ReplaySpeed) => void;
}

export function useReplayClock(start: number, end: number): ReplayClock {
  const [t, setT] = useState(start);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(60);
  // The animation frame reads and advances the time without waiting for a render.
  const timeRef = useRef(start);
  const moveTo = useCallback((value: number) => {
    timeRef.current = value;
    setT(value);
  }, []);

  useEffect(() => {
    moveTo(start);
    setPlaying(false);
  }, [start, end, moveTo]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const step = (now: number) => {
      const next = Math.min(end, timeRef.current + (now - last) * speed);
      last = now;
      moveTo(next);
      if (next >= end) setPlaying(false);
      else frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, end, moveTo]);

  const play = useCallback(() => {
    // Playing again from the end starts over.
    if (timeRef.current >= end) moveTo(start);
    setPlaying(true);
  }, [start, end, moveTo]);
  const pause = useCallback(() => setPlaying(false), []);
  const seek = useCallback((value: number) => moveTo(Math.min(end, Math.max(start, value))), [start, end, moveTo]);
  return { t, playing, speed, play, pause, seek, setSpeed };
}
