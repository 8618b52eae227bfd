// Everything behind sign-in: live data for the session, the header, the banner and the routed page.
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@toc/server/schemas';
import {
  canAnalyseCrashes,
  canImportCrashes,
  canManageUsers,
  canPlayBackRecordings,
  canReadAudit,
  canSeePunctuality,
  canUseFootageRequests,
  canUseShiftTools,
  canWatchLiveVideo,
  landsOnAnalysis,
  landsOnRequests,
} from '../auth/permissions';
import { useSession } from '../auth/session.context';
import { useSessionKeepalive } from '../auth/use-session-keepalive';
import { AppHeader } from '../components/app-header';
import { ConnectionBanner } from '../components/connection-banner';
import { useConnectionState } from '../realtime/use-connection-state';
import { LiveDataProvider, useLiveData } from '../state/live-data.context';
import { clearRoute, useRoute, type Route } from './hash-router';

// The map pages carry MapLibre (~1 MB): each page is loaded only when it is opened.
const OperatorPage = lazy(() => import('../pages/operator.page'));
const WallPage = lazy(() => import('../pages/wall.page'));
const ElephantsPage = lazy(() => import('../pages/elephants.page'));
const CameraPage = lazy(() => import('../pages/camera.page'));
const PunctualityPage = lazy(() => import('../punctuality/punctuality.page'));
const AnalysisPage = lazy(() => import('../analysis/analysis.page'));
const AnalysisReportPage = lazy(() => import('../analysis/analysis-report.page'));
const CrashImportsPage = lazy(() => import('../crash-imports/crash-imports.page'));
const AuditPage = lazy(() => import('../audit/audit.page'));
const UsersPage = lazy(() => import('../users/users.page'));
const ChangePasswordPage = lazy(() => import('../account/change-password.page'));
const ShiftPage = lazy(() => import('../shift/shift.page'));
const EventReportPage = lazy(() => import('../pages/event-report.page'));
const PlaybackPage = lazy(() => import('../playback/playback.page'));
const RecordingsPage = lazy(() => import('../recordings/recordings.page'));
const RequestsPage = lazy(() => import('../requests/requests.page'));
const RequestNewPage = lazy(() => import('../requests/request-new.page'));
const RequestDetailPage = lazy(() => import('../requests/request-detail.page'));
const VerifyPage = lazy(() => import('../verify/verify.page').then((m) => ({ default: m.VerifyPage })));

const REQUEST_PAGES: readonly Route['name'][] = ['requests', 'request-new', 'request'];

function defaultRoute(user: SessionUser): Route {
  if (landsOnRequests(user.role)) return { name: 'requests', param: null };
  return { name: landsOnAnalysis(user.role) ? 'analysis' : 'map', param: null };
}

/** A route the role may not open falls back to the role's default page. */
function allowedRoute(route: Route, user: SessionUser): Route {
  if ((route.name === 'analysis' || route.name === 'analysis-report') && !canAnalyseCrashes(user.role))
    return defaultRoute(user);
  if (REQUEST_PAGES.includes(route.name) && !canUseFootageRequests(user.role)) return defaultRoute(user);
  if (route.name === 'request' && !/^[1-9][0-9]*$/.test(route.param ?? ''))
    return { name: 'requests', param: null };
  if ((route.name === 'wall' || route.name === 'camera') && !canWatchLiveVideo(user.role))
    return defaultRoute(user);
  if ((route.name === 'camera' || route.name === 'report') && !/^[1-9][0-9]*$/.test(route.param ?? ''))
    return defaultRoute(user);
  if (route.name === 'punctuality' && !canSeePunctuality(user.role)) return defaultRoute(user);
  if (route.name === 'audit' && !canReadAudit(user.role)) return defaultRoute(user);
  if (route.name === 'users' && !canManageUsers(user.role)) return defaultRoute(user);
  if (route.name === 'shift' && !canUseShiftTools(user.role)) return defaultRoute(user);
  if ((route.name === 'playback' || route.name === 'recordings') && !canPlayBackRecordings(user.role))
    return defaultRoute(user);
  if (route.name === 'playback' && route.param !== null && !/^[1-9][0-9]*$/.test(route.param))
    return { name: 'playback', param: null };
  if (route.name === 'crash-imports' && !canImportCrashes(user.role)) return defaultRoute(user);
  return route;
}

function RoutedPage({ route, user }: { route: Route; user: SessionUser }) {
  switch (route.name) {
    case 'analysis':
      return <AnalysisPage role={user.role} />;
    case 'analysis-report':
      return <AnalysisReportPage />;
    case 'crash-imports':
      return <CrashImportsPage />;
    case 'wall':
      return <WallPage role={user.role} />;
    case 'elephants':
      return <ElephantsPage role={user.role} />;
    case 'camera':
      return <CameraPage role={user.role} cameraId={Number(route.param)} />;
    case 'map':
      return <OperatorPage role={user.role} />;
    case 'punctuality':
      return <PunctualityPage />;
    case 'audit':
      return <AuditPage />;
    case 'users':
      return <UsersPage selfId={user.id} />;
    case 'password':
      return <ChangePasswordPage />;
    case 'shift':
      return <ShiftPage />;
    case 'playback':
      return <PlaybackPage cameraId={route.param === null ? null : Number(route.param)} />;
    case 'recordings':
      return <RecordingsPage role={user.role} />;
    case 'report':
      return <EventReportPage eventId={Number(route.param)} role={user.role} username={user.username} />;
    case 'requests':
      return <RequestsPage user={user} />;
    case 'request-new':
      return <RequestNewPage user={user} />;
    case 'request':
      return <RequestDetailPage key={route.param} id={Number(route.param)} user={user} />;
    case 'verify':
      return <VerifyPage />;
  }
}

function SignedInLayout({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const live = useLiveData();
  const connection = useConnectionState(live.realtime);
  const requested = useRoute();
  const route = allowedRoute(requested ?? defaultRoute(user), user);

  return (
    <div className="app-shell">
      <AppHeader
        user={user}
        route={route}
        connection={connection}
        onLogout={() => void logout().finally(clearRoute)}
      />
      <ConnectionBanner state={connection} />
      <div className="app-body">
        <Suspense fallback={<p className="page-loading">{t('common.loading')}</p>}>
          <RoutedPage route={route} user={user} />
        </Suspense>
      </div>
    </div>
  );
}

export function SignedInApp({ user }: { user: SessionUser }) {
  const { verify } = useSession();
  const onRejected = useCallback(() => void verify(), [verify]);
  useSessionKeepalive(onRejected);
  return (
    <LiveDataProvider onRejected={onRejected}>
      <SignedInLayout user={user} />
    </LiveDataProvider>
  );
}
