// A value that follows its input at most once per interval (the latest input wins), for costly consumers like map sources.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const show = () => {
      shownAt.current = performance.now();
      setShown(value);
    };
    const wait = shownAt.current + intervalMs - performance.now();
    if (wait <= 0) {
      show();
      return;
    }
    // A newer value cancels this timer and sets its own for the same moment, so the latest one is shown.
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
