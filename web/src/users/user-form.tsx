// The form for a new user or a change to one: name, role, and what the role has (a police officer's station, an
// operator's districts). The server checks it all; its reason is shown in the UI language.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PASSWORD_MAX_LENGTH,
  ROLES,
  USERNAME_PATTERN,
  type ManagedUser,
  type NewUserBody,
  type Role,
  type UserChangeBody,
} from '@toc/server/schemas';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { roleKey } from '../format/labels';
import type { District } from '../format/district-index';
import { useLanguage } from '../i18n/use-language';

type UserFormProps =
  | {
      mode: 'create';
      districts: readonly District[];
      onSubmit: (body: NewUserBody) => Promise<void>;
      onCancel: () => void;
    }
  | {
      mode: 'edit';
      user: ManagedUser;
      districts: readonly District[];
      onSubmit: (body: UserChangeBody) => Promise<void>;
      onCancel: () => void;
    };

const usernamePattern = new RegExp(USERNAME_PATTERN);

export function UserForm(props: UserFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const initial = props.mode === 'edit' ? props.user : null;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [role, setRole] = useState<Role>(initial?.role ?? 'operator');
  const [station, setStation] = useState(initial?.station ?? '');
  const [districts, setDistricts] = useState<string[]>(initial?.districts ?? []);
  const [password, setPassword] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const toggleDistrict = (code: string, on: boolean) =>
    setDistricts((list) => (on ? [...list.filter((c) => c !== code), code] : list.filter((c) => c !== code)));

  const localProblem = (): Failure | null => {
    if (props.mode === 'create' && !usernamePattern.test(username.trim()))
      return { key: 'users.error.username' };
    if (displayName.trim() === '') return { key: 'users.error.displayName' };
    if (role === 'police' && station.trim() === '') return { key: 'users.error.station' };
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const problem = localProblem();
    setFailure(problem);
    if (problem) return;
    // Only what the role has is sent: the server refuses a station for a planner rather than dropping it.
    const profile = {
      displayName: displayName.trim(),
      role,
      station: role === 'police' ? station.trim() : null,
      districts: role === 'operator' && districts.length > 0 ? [...districts].sort() : null,
    };
    setSaving(true);
    try {
      if (props.mode === 'create') {
        await props.onSubmit({
          username: username.trim(),
          ...profile,
          ...(password ? { temporaryPassword: password } : {}),
        });
      } else {
        await props.onSubmit(profile);
      }
    } catch (error) {
      setFailure(failureOf(error, 'users.error.generic'));
      setSaving(false);
    }
  };

  return (
    <form
      className="user-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid={`user-form-${props.mode}`}
    >
      <div className="user-form-fields">
        {props.mode === 'create' ? (
          <label>
            {t('users.username')}
            <input
              value={username}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setUsername(e.target.value.toLowerCase())}
              data-testid="user-form-username"
            />
          </label>
        ) : (
          <p className="user-form-username">
            {t('users.username')}: <strong>{props.user.username}</strong>
          </p>
        )}
        <label>
          {t('users.displayName')}
          <input
            value={displayName}
            maxLength={120}
            onChange={(e) => setDisplayName(e.target.value)}
            data-testid="user-form-display-name"
          />
        </label>
        <label>
          {t('users.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="user-form-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(roleKey(r))}
              </option>
            ))}
          </select>
        </label>
        {role === 'police' && (
          <label className="user-form-wide">
            {t('users.station')}
            <input
              value={station}
              maxLength={200}
              onChange={(e) => setStation(e.target.value)}
              data-testid="user-form-station"
            />
          </label>
        )}
        {props.mode === 'create' && (
          <label className="user-form-wide">
            {t('users.temporaryPassword')}
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={PASSWORD_MAX_LENGTH}
              value={password}
              placeholder={t('users.temporaryPasswordPlaceholder')}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="user-form-password"
            />
          </label>
        )}
      </div>
      {role === 'operator' && props.districts.length > 0 && (
        <fieldset className="user-form-districts" data-testid="user-form-districts">
          <legend>{t('users.districts')}</legend>
          <p className="user-form-hint">{t('users.districtsHint')}</p>
          {props.districts.map((d) => (
            <label key={d.code} className="user-form-district">
              <input
                type="checkbox"
                checked={districts.includes(d.code)}
                onChange={(e) => toggleDistrict(d.code, e.target.checked)}
              />
              {language === 'th' ? d.nameTh : d.name}
            </label>
          ))}
        </fieldset>
      )}
      {failure && (
        <div className="users-error" role="alert" data-testid="user-form-error">
          {failureText(failure, t, language)}
        </div>
      )}
      <div className="user-form-actions">
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('users.cancel')}
        </button>
        <button type="submit" className="button" disabled={saving} data-testid="user-form-submit">
          {saving ? t('users.saving') : props.mode === 'create' ? t('users.create') : t('users.save')}
        </button>
      </div>
    </form>
  );
}
