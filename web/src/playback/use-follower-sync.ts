// Cameras played beside the main one follow its wall-clock time: a few times a second while it plays, at once when
// it pauses, steps a frame or changes speed, and at the picked moment while the main camera has no footage there.
import { useEffect } from 'react';
import type { RecordedPlayback } from './recorded-playback';

const WHILE_PLAYING_MS = 250;
/** Also on a timer: a follower that was loading catches up even while the main clock stands still. */
const HEARTBEAT_MS = 1_000;

export function useFollowerSync(
  main: RecordedPlayback | null,
  followers: readonly RecordedPlayback[],
  noFootageAt: number | null,
): void {
  useEffect(() => {
    if (!main || followers.length === 0) return;
    let last = Number.NEGATIVE_INFINITY;
    const sync = () => {
      const { playing, rate } = main.state.get();
      const at = noFootageAt ?? main.clock.get();
      if (at === null) return;
      last = performance.now();
      for (const follower of followers) follower.follow(at, noFootageAt === null && playing, rate);
    };
    const onClock = () => {
      if (!main.state.get().playing || performance.now() - last >= WHILE_PLAYING_MS) sync();
    };
    const stopClock = main.clock.subscribe(onClock);
    const stopState = main.state.subscribe(sync);
    const timer = setInterval(sync, HEARTBEAT_MS);
    sync();
    return () => {
      stopClock();
      stopState();
      clearInterval(timer);
    };
  }, [main, followers, noFootageAt]);
}
