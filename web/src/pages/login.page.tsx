// Sign-in page: username and password, one clear error that never says which part was wrong.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/api-error';
import { useSession } from '../auth/session.context';
import { LanguageSwitch } from '../components/language-switch';
import type { TranslationKey } from '../i18n/en';

function errorKey(error: unknown): TranslationKey {
  if (error instanceof NetworkError) return 'login.error.network';
  if (error instanceof ApiError) {
    // 400 too: an empty or oversized field is still just "wrong credentials" to the user.
    if (error.status === 401 || error.status === 400) return 'login.error.invalid';
    if (error.status === 429) return 'login.error.rateLimited';
  }
  return 'login.error.generic';
}

export function LoginPage({ expired }: { expired: boolean }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // A key, not a message, so the error follows a language switch.
  const [error, setError] = useState<TranslationKey | null>(expired ? 'error.sessionExpired' : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    if (username.trim() === '' || password === '') {
      setError('login.error.missing');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await login({ username: username.trim(), password });
    } catch (err) {
      setError(errorKey(err));
      setPassword('');
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main className="login-card">
        <h1 className="login-app-title">{t('app.title')}</h1>
        <h2 className="login-title">{t('login.title')}</h2>
        <p className="login-subtitle">{t('login.subtitle')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label className="field">
            <span>{t('login.username')}</span>
            <input
              name="username"
              autoComplete="username"
              autoFocus
              required
              maxLength={64}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
            />
          </label>
          <label className="field">
            <span>{t('login.password')}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={256}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          </label>
          {error && (
            <div className="login-error" role="alert" data-testid="login-error">
              {t(error)}
            </div>
          )}
          <button
            type="submit"
            className="button primary wide"
            disabled={submitting}
            data-testid="login-submit"
          >
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
