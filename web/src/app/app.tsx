// Root component: waits for the session check, then shows sign-in, the forced password change, or the signed-in app.
import { useTranslation } from 'react-i18next';
import { SessionProvider, useSession } from '../auth/session.context';
import { ForcedPasswordChangePage } from '../account/forced-password-change.page';
import { LoginPage } from '../pages/login.page';
import { SignedInApp } from './signed-in-app';

function SessionGate() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status === 'checking') return <p className="page-loading">{t('common.loading')}</p>;
  if (state.status === 'signed-out') return <LoginPage expired={state.expired} />;
  // A temporary password opens nothing but its own replacement (the server refuses the rest until then).
  if (state.user.mustChangePassword) return <ForcedPasswordChangePage user={state.user} />;
  // Keyed by user so a different sign-in starts with fresh live data.
  return <SignedInApp key={state.user.id} user={state.user} />;
}

export function App() {
  return (
    <SessionProvider>
      <SessionGate />
    </SessionProvider>
  );
}
