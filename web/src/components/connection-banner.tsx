// Banner across the top of the map whenever live updates are not flowing.
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../realtime/connection-state';

const MESSAGE_KEYS = {
  connecting: 'connection.banner.connecting',
  reconnecting: 'connection.banner.reconnecting',
  disconnected: 'connection.banner.disconnected',
} as const satisfies Record<Exclude<ConnectionState, 'connected'>, string>;

export function ConnectionBanner({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  if (state === 'connected') return null;
  return (
    <div className={`connection-banner state-${state}`} role="status" aria-live="polite" data-testid="connection-banner" data-state={state}>
      {t(MESSAGE_KEYS[state])}
    </div>
  );
}
