// One user in the admin's list: who, role, station or districts, state, and the actions (edit, disable or enable,
// reset the password). Ending someone's access asks once more before it is done.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedUser } from '@toc/server/schemas';
import type { District } from '../format/district-index';
import { roleKey } from '../format/labels';
import { useLanguage } from '../i18n/use-language';

export interface UserRowActions {
  onEdit: () => void;
  onSetDisabled: (disabled: boolean) => Promise<void>;
  onResetPassword: () => Promise<void>;
}

interface UserRowProps extends UserRowActions {
  user: ManagedUser;
  districts: readonly District[];
  isSelf: boolean;
}

type Confirming = 'disable' | 'reset' | null;

export function UserRow({ user, districts, isSelf, onEdit, onSetDisabled, onResetPassword }: UserRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const districtName = (code: string) => {
    const district = districts.find((d) => d.code === code);
    return district ? (language === 'th' ? district.nameTh : district.name) : code;
  };
  const scope = user.station ?? (user.districts ? user.districts.map(districtName).join(', ') : '');

  return (
    <tr
      className={user.disabled ? 'user-disabled' : undefined}
      data-testid="user-row"
      data-username={user.username}
      data-disabled={user.disabled}
      data-must-change={user.mustChangePassword}
    >
      <td>
        <span className="user-login">{user.username}</span>
        {isSelf && <span className="user-self"> ({t('users.you')})</span>}
      </td>
      <td>{user.displayName}</td>
      <td>
        <span className={`role-tag role-${user.role}`}>{t(roleKey(user.role))}</span>
      </td>
      <td className="user-scope">{scope}</td>
      <td data-testid="user-state">
        {user.disabled ? (
          <span className="user-state off">{t('users.state.disabled')}</span>
        ) : (
          <span className="user-state on">{t('users.state.active')}</span>
        )}
        {user.mustChangePassword && <span className="user-state pending">{t('users.state.mustChange')}</span>}
      </td>
      <td>
        <div className="user-actions">
          {confirming === null && (
            <>
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={onEdit}
                data-testid="user-edit"
              >
                {t('users.edit')}
              </button>
              {user.disabled ? (
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => void run(() => onSetDisabled(false))}
                  data-testid="user-enable"
                >
                  {t('users.enable')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => setConfirming('disable')}
                  data-testid="user-disable"
                >
                  {t('users.disable')}
                </button>
              )}
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => setConfirming('reset')}
                data-testid="user-reset"
              >
                {t('users.resetPassword')}
              </button>
            </>
          )}
          {confirming !== null && (
            <span className="user-confirm" role="group">
              <span>
                {confirming === 'disable'
                  ? t('users.confirmDisable', { username: user.username })
                  : t('users.confirmReset', { username: user.username })}
              </span>
              <button
                type="button"
                className="button danger"
                disabled={busy}
                onClick={() =>
                  void run(confirming === 'disable' ? () => onSetDisabled(true) : onResetPassword)
                }
                data-testid="user-confirm"
              >
                {confirming === 'disable' ? t('users.disable') : t('users.resetPassword')}
              </button>
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => setConfirming(null)}
              >
                {t('users.cancel')}
              </button>
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}
