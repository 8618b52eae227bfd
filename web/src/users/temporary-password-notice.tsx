// The temporary password of a new user or a reset, shown to the admin this once: the server keeps only its hash.
import { useTranslation } from 'react-i18next';

export interface IssuedPassword {
  username: string;
  password: string;
  reason: 'created' | 'reset';
}

export function TemporaryPasswordNotice({
  issued,
  onDismiss,
}: {
  issued: IssuedPassword;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="temporary-password"
      role="status"
      data-testid="temporary-password-notice"
      data-username={issued.username}
    >
      <p>
        {issued.reason === 'created'
          ? t('users.issued.created', { username: issued.username })
          : t('users.issued.reset', { username: issued.username })}
      </p>
      <p className="temporary-password-value">
        <code data-testid="temporary-password">{issued.password}</code>
      </p>
      <p className="temporary-password-note">{t('users.issued.once')}</p>
      <button
        type="button"
        className="button secondary"
        onClick={onDismiss}
        data-testid="temporary-password-dismiss"
      >
        {t('users.issued.dismiss')}
      </button>
    </section>
  );
}
