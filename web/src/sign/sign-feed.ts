// The sign's data: live pushes through the public socket namespace, and the public REST reply every 30 s as a
// fallback (and as the first answer, which also tells an unknown stop).
import { io, type Socket } from 'socket.io-client';
import type { PublicClientToServerEvents, PublicServerToClientEvents, StopArrivalsMessage } from '@toc/server/schemas';
import { fetchPublicArrivals, type PublicArrivals } from './public-arrivals.api';

const POLL_MS = 30_000;
/** The public namespace (PUBLIC_NAMESPACE in the schemas; a literal here keeps TypeBox out of the sign's bundle). */
const NAMESPACE = '/public';

export type SignFeedState = 'connecting' | 'live' | 'offline' | 'unknown-stop';

export interface SignFeedUpdate {
  state: SignFeedState;
  /** Newest data, or null before the first. */
  arrivals: StopArrivalsMessage | null;
  stopNames: Record<string, string> | null;
  /** Local time of the last successful update (push or poll). */
  updatedAt: number | null;
}

export function startSignFeed(stopId: string, feedId: number | null, onUpdate: (update: SignFeedUpdate) => void): () => void {
  let update: SignFeedUpdate = { state: 'connecting', arrivals: null, stopNames: null, updatedAt: null };
  let resolvedFeed = feedId;
  let socketUp = false;
  let restUp = false;
  const emit = (changes: Partial<SignFeedUpdate>) => {
    update = { ...update, ...changes };
    onUpdate(update);
  };
  const liveState = (): SignFeedState => (update.state === 'unknown-stop' ? 'unknown-stop' : socketUp || restUp ? 'live' : 'offline');

  const socket: Socket<PublicServerToClientEvents, PublicClientToServerEvents> = io(NAMESPACE, {
    // A namespace is not a URL path; the HTTP path of socket.io follows the page (any prefix in front of it).
    path: new URL('socket.io', document.baseURI).pathname,
    autoConnect: false,
  });
  const watch = () => {
    if (socket.connected && resolvedFeed !== null) socket.emit('stop.watch', { feedId: resolvedFeed, stopId }, () => undefined);
  };
  /** A late, older board is not shown, but it still proves the data is current. */
  const accept = (message: StopArrivalsMessage) => {
    if (message.stopId !== stopId) return;
    const older = update.arrivals !== null && Date.parse(message.at) < Date.parse(update.arrivals.at);
    emit({ arrivals: older ? update.arrivals : message, updatedAt: Date.now() });
  };
  socket.on('connect', () => {
    socketUp = true;
    watch();
    emit({ state: liveState() });
  });
  socket.on('disconnect', () => {
    socketUp = false;
    emit({ state: liveState() });
  });
  socket.on('connect_error', () => {
    socketUp = false;
    emit({ state: liveState() });
  });
  socket.on('stop.arrivals', accept);

  const abort = new AbortController();
  const poll = async () => {
    try {
      const reply: PublicArrivals = await fetchPublicArrivals(stopId, resolvedFeed, abort.signal);
      if (reply.kind === 'unknown') {
        emit({ state: 'unknown-stop' });
        return;
      }
      restUp = true;
      if (resolvedFeed === null) {
        resolvedFeed = reply.arrivals.feedId;
        watch();
      }
      accept(reply.arrivals);
      emit({ stopNames: reply.stopNames, state: liveState() });
    } catch {
      if (abort.signal.aborted) return;
      restUp = false;
      emit({ state: liveState() });
    }
  };
  void poll().then(() => {
    if (update.state !== 'unknown-stop') socket.connect();
  });
  const timer = setInterval(() => {
    if (update.state !== 'unknown-stop') void poll();
  }, POLL_MS);

  return () => {
    abort.abort();
    clearInterval(timer);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
