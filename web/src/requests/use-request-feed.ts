// Footage-request changes from the socket for as long as a page shows requests, and a signal when the socket comes
// back or the server's relay does (what changed meanwhile was not sent: the page reads its requests again).
import { useEffect, useRef } from 'react';
import type { FootageRequestChange } from '@toc/server/schemas';
import { useLiveData } from '../state/live-data.context';

export function useRequestFeed(
  onChange: (change: FootageRequestChange) => void,
  onReconnect: () => void,
): void {
  const { realtime } = useLiveData();
  // The handlers change every render; the subscriptions read the latest through a ref.
  const handlers = useRef({ onChange, onReconnect });
  useEffect(() => {
    handlers.current = { onChange, onReconnect };
  });
  useEffect(() => {
    let wasConnected = realtime.connectionState === 'connected';
    const offChange = realtime.onFootageRequest((change) => handlers.current.onChange(change));
    const offResync = realtime.onResync(() => handlers.current.onReconnect());
    const offState = realtime.onState((state) => {
      if (state === 'connected' && !wasConnected) handlers.current.onReconnect();
      wasConnected = state === 'connected';
    });
    return () => {
      offChange();
      offResync();
      offState();
    };
  }, [realtime]);
}

/** Whether a change is export progress alone on a request already shown as exporting (no re-read needed). */
export const isProgressOnly = (change: FootageRequestChange, shownStatus: string | undefined): boolean =>
  change.status === 'exporting' && shownStatus === 'exporting';
