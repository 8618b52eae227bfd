// A proposed camera's recorded still at an instant, fetched once the picture is on screen (every view is audited),
// shown from an object URL that is released when the instant or the camera changes.
import { useEffect, useState, type RefObject } from 'react';
import { fetchRequestStill } from './finder.api';

export type StillState =
  | { status: 'waiting' }
  | { status: 'loading' }
  | { status: 'loaded'; url: string }
  | { status: 'failed'; error: unknown };

/** True once the element has come into view (at once where IntersectionObserver is missing). */
function useSeen(ref: RefObject<Element | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const target = ref.current;
    if (seen || !target) return;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
}

export function useStill(
  ref: RefObject<Element | null>,
  requestId: number,
  cameraId: number,
  at: number,
): StillState {
  const seen = useSeen(ref);
  const key = `${requestId}/${cameraId}@${at}`;
  const [state, setState] = useState<{ key: string; still: StillState }>({
    key,
    still: { status: 'waiting' },
  });

  useEffect(() => {
    if (!seen) return;
    const abort = new AbortController();
    let url: string | null = null;
    setState({ key, still: { status: 'loading' } });
    fetchRequestStill(requestId, cameraId, at, abort.signal).then(
      (blob) => {
        if (abort.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setState({ key, still: { status: 'loaded', url } });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ key, still: { status: 'failed', error } });
      },
    );
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [seen, key, requestId, cameraId, at]);

  if (state.key !== key) return seen ? { status: 'loading' } : { status: 'waiting' };
  return state.still;
}
