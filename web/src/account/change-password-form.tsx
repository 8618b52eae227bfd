// The form that replaces one's own password (also a temporary one): current password, the new one twice. The server
// decides (password policy); its reasons are shown in the UI language.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@toc/server/schemas';
import { changeOwnPassword } from '../api/auth.api';
import { useLanguage } from '../i18n/use-language';
import { failureOf, failureText, type Failure } from './api-failure';

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  // Only what needs no server: the policy itself (common passwords, the username) is checked there.
  const localProblem = (): Failure | null => {
    if (current === '' || next === '') return { key: 'account.error.missing' };
    if ([...next].length < PASSWORD_MIN_LENGTH)
      return { key: 'account.error.tooShort', values: { min: PASSWORD_MIN_LENGTH } };
    if (next !== repeat) return { key: 'account.error.mismatch' };
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const problem = localProblem();
    setFailure(problem);
    if (problem) return;
    setSaving(true);
    try {
      await changeOwnPassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      onChanged();
    } catch (error) {
      setFailure(failureOf(error, 'account.error.generic'));
    } finally {
      setSaving(false);
    }
  };

  const field = (
    label: string,
    value: string,
    set: (v: string) => void,
    testId: string,
    autoComplete: string,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="password"
        autoComplete={autoComplete}
        maxLength={PASSWORD_MAX_LENGTH}
        value={value}
        onChange={(e) => set(e.target.value)}
        data-testid={testId}
      />
    </label>
  );

  return (
    <form
      className="change-password-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="change-password-form"
    >
      {field(t('account.current'), current, setCurrent, 'password-current', 'current-password')}
      {field(t('account.new'), next, setNext, 'password-new', 'new-password')}
      {field(t('account.repeat'), repeat, setRepeat, 'password-repeat', 'new-password')}
      <p className="change-password-rules">{t('account.rules', { min: PASSWORD_MIN_LENGTH })}</p>
      {failure && (
        <div className="login-error" role="alert" data-testid="password-error">
          {failureText(failure, t, language)}
        </div>
      )}
      <button type="submit" className="button primary wide" disabled={saving} data-testid="password-submit">
        {saving ? t('account.saving') : t('account.submit')}
      </button>
    </form>
  );
}
