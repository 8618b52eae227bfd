// `#/password`: any signed-in user replaces their own password (from the user menu in the header).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './change-password-form';
import './account.css';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  return (
    <main className="account-page" data-testid="change-password-page">
      <h2>{t('account.title')}</h2>
      <p className="account-intro">{t('account.intro')}</p>
      {changed && (
        <p className="account-done" role="status" data-testid="password-changed">
          {t('account.changed')}
        </p>
      )}
      <ChangePasswordForm onChanged={() => setChanged(true)} />
    </main>
  );
}
