// Shown instead of the app while the signed-in user has a temporary password: the server refuses everything else
// until it is replaced, so the control room, its socket and its data wait behind this page.
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@toc/server/schemas';
import { useSession } from '../auth/session.context';
import { LanguageSwitch } from '../components/language-switch';
import { ChangePasswordForm } from './change-password-form';
import './account.css';

export function ForcedPasswordChangePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { logout, passwordChanged } = useSession();
  return (
    <div className="login-page">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main className="login-card" data-testid="forced-password-change">
        <h1 className="login-app-title">{t('app.title')}</h1>
        <h2 className="login-title">{t('account.forced.title')}</h2>
        <p className="login-subtitle">
          {t('account.forced.body', { name: user.displayName || user.username })}
        </p>
        <ChangePasswordForm onChanged={passwordChanged} />
        <button
          type="button"
          className="button secondary wide account-signout"
          onClick={() => void logout()}
          data-testid="forced-logout"
        >
          {t('header.logout')}
        </button>
      </main>
    </div>
  );
}
