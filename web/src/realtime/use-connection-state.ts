// React hook: the realtime link's connection state.
import { useSyncExternalStore } from 'react';
import type { RealtimeClient } from './socket-client';
import type { ConnectionState } from './connection-state';

export function useConnectionState(client: RealtimeClient): ConnectionState {
  return useSyncExternalStore(
    (listener) => client.onState(listener),
    () => client.connectionState,
  );
}
