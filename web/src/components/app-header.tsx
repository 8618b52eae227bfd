// Top bar of every signed-in page: title, navigation, user and role, connection, language, sign-out.
import { useTranslation } from 'react-i18next';
import type { User } from '@toc/server/schemas';
import { routeHref, type Route, type RouteName } from '../app/hash-router';
import {
  canAnalyseCrashes,
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
import type { ConnectionState } from '../realtime/connection-state';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

/** The recordings page (storage, retention, holds) sits behind Playback: eight links already fill a 1366 px header. */
const RECORDING_PAGES: readonly RouteName[] = ['recordings'];
/** A new request and one request's page keep "Footage requests" marked. */
const REQUEST_PAGES: readonly RouteName[] = ['request-new', 'request'];
/**
 * An admin's header has no room left for "Verify package" in Thai at 1366-1440 px (the user menu would vanish): for
 * admins it sits behind Footage requests (linked from the list and each package), like Recordings behind Playback.
 */
const verifyInNav = (role: User['role']) => role !== 'admin';
const REQUEST_PAGES_WITH_VERIFY: readonly RouteName[] = [...REQUEST_PAGES, 'verify'];

/**
 * An admin's header has no room for both planning pages: for admins Bus punctuality sits behind Crash analysis (linked
 * from it), as Recordings sits behind Playback.
 */
const punctualityInNav = (role: User['role']) => canSeePunctuality(role) && role !== 'admin';
const PLANNING_PAGES: readonly RouteName[] = ['punctuality', 'analysis-report', 'crash-imports'];

interface AppHeaderProps {
  user: User;
  route: Route;
  connection: ConnectionState;
  onLogout: () => void;
}

interface NavLinkProps {
  name: RouteName;
  current: Route;
  label: string;
  /** Pages reached from this one that keep it marked (the header has no room for a link of their own). */
  also?: readonly RouteName[];
}

function NavLink({ name, current, label, also = [] }: NavLinkProps) {
  const active = current.name === name || also.includes(current.name);
  return (
    <a href={routeHref(name)} className={active ? 'active' : undefined} data-testid={`nav-${name}`}>
      {label}
    </a>
  );
}

export function AppHeader({ user, route, connection, onLogout }: AppHeaderProps) {
  const { t } = useTranslation();
  const requests = (
    <NavLink
      name="requests"
      current={route}
      label={t('nav.requests')}
      also={verifyInNav(user.role) ? REQUEST_PAGES : REQUEST_PAGES_WITH_VERIFY}
    />
  );
  const analysis = (
    <NavLink
      name="analysis"
      current={route}
      label={t('nav.analysis')}
      also={punctualityInNav(user.role) ? ['analysis-report', 'crash-imports'] : PLANNING_PAGES}
    />
  );
  return (
    <header className="app-header">
      <h1 className="app-title">{t('app.shortTitle')}</h1>
      <nav className="app-nav">
        {landsOnAnalysis(user.role) && analysis}
        {/* The police's own page comes first; the control room's starts from the map. */}
        {landsOnRequests(user.role) && requests}
        <NavLink name="map" current={route} label={t('nav.map')} />
        {canWatchLiveVideo(user.role) && <NavLink name="wall" current={route} label={t('nav.wall')} />}
        {canPlayBackRecordings(user.role) && (
          <NavLink name="playback" current={route} label={t('nav.playback')} also={RECORDING_PAGES} />
        )}
        {!landsOnRequests(user.role) && canUseFootageRequests(user.role) && requests}
        <NavLink name="elephants" current={route} label={t('nav.elephants')} />
        {!landsOnAnalysis(user.role) && canAnalyseCrashes(user.role) && analysis}
        {punctualityInNav(user.role) && (
          <NavLink name="punctuality" current={route} label={t('nav.punctuality')} />
        )}
        {canUseShiftTools(user.role) && <NavLink name="shift" current={route} label={t('nav.shift')} />}
        {canReadAudit(user.role) && <NavLink name="audit" current={route} label={t('nav.audit')} />}
        {canManageUsers(user.role) && <NavLink name="users" current={route} label={t('nav.users')} />}
        {verifyInNav(user.role) && <NavLink name="verify" current={route} label={t('nav.verify')} />}
      </nav>
      <div className="header-spacer" />
      <ConnectionStatus state={connection} />
      <UserMenu user={user} />
      <LanguageSwitch />
      <button type="button" className="button secondary" onClick={onLogout} data-testid="logout">
        {t('header.logout')}
      </button>
    </header>
  );
}
