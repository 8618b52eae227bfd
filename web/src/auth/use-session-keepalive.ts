// A signed-in page on screen keeps its session in use: the control room and the video wall run all night without a
// click, while a tab left in the background or a closed laptop idles out (SESSION_IDLE_MINUTES on the server).
import { useEffect } from 'react';
import { fetchMe } from '../api/auth.api';

/** Well inside the server's shortest idle timeout (2 min is its floor, 30 min its default). */
const KEEPALIVE_MS = 60_000;

export function useSessionKeepalive(onEnded: () => void): void {
  useEffect(() => {
    const touch = () => {
      if (document.visibilityState !== 'visible') return;
      // A session that ended meanwhile (idle, logout elsewhere, disabled user) sends the page back to sign-in.
      void fetchMe()
        .then((user) => user ?? onEnded())
        .catch(() => undefined); // offline: the connection banner says so; try again at the next tick
    };
    const timer = setInterval(touch, KEEPALIVE_MS);
    document.addEventListener('visibilitychange', touch);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', touch);
    };
  }, [onEnded]);
}
