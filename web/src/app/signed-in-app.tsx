// Everything behind sign-in: live data for the session, the header, the banner and the routed page.
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@toc/server/schemas';
import { hasToolHome } from '../auth/permissions';
import { useSession } from '../auth/session.context';
import { AppHeader } from '../components/app-header';
import { ConnectionBanner } from '../components/connection-banner';
import { RoleHomePage } from '../pages/role-home.page';
import { useConnectionState } from '../realtime/use-connection-state';
import { LiveDataProvider, useLiveData } from '../state/live-data.context';
import { clearRoute, useRoute, type Route } from './hash-router';

// The map page carries MapLibre (~1 MB): loaded only once someone is signed in.
const OperatorPage = lazy(() => import('../pages/operator.page'));

function defaultRoute(user: User): Route {
  return hasToolHome(user.role) ? 'home' : 'map';
}

function SignedInLayout({ user }: { user: User }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const live = useLiveData();
  const connection = useConnectionState(live.realtime);
  const requested = useRoute();
  // The tool home exists only for the roles that have one.
  const route = requested === 'home' && !hasToolHome(user.role) ? 'map' : (requested ?? defaultRoute(user));

  return (
    <div className="app-shell">
      <AppHeader user={user} route={route} connection={connection} onLogout={() => void logout().finally(clearRoute)} />
      <ConnectionBanner state={connection} />
      <div className="app-body">
        {route === 'home' ? (
          <RoleHomePage role={user.role} />
        ) : (
          <Suspense fallback={<p className="page-loading">{t('common.loading')}</p>}>
            <OperatorPage role={user.role} />
          </Suspense>
        )}
      </div>
    </div>
  );
}

export function SignedInApp({ user }: { user: User }) {
  const { verify } = useSession();
  const onRejected = useCallback(() => void verify(), [verify]);
  return (
    <LiveDataProvider onRejected={onRejected}>
      <SignedInLayout user={user} />
    </LiveDataProvider>
  );
}
