// Header pill showing the realtime link's state.
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../realtime/connection-state';

const LABEL_KEYS = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  disconnected: 'connection.disconnected',
} as const satisfies Record<ConnectionState, string>;

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <span className={`connection-status state-${state}`} data-testid="connection-status" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {t(LABEL_KEYS[state])}
    </span>
  );
}
