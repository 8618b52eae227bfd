// The key a package is checked against: this system's published key (its fingerprint shown), or a fingerprint pasted
// from the hand-over letter; says which one the check will use.
import { useTranslation } from 'react-i18next';
import { failureOf, failureText } from '../account/api-failure';
import { useLanguage } from '../i18n/use-language';
import type { TrustChoice } from './trust-choice';
import type { KeyState } from './use-evidence-key';

interface TrustKeyProps {
  keyState: KeyState;
  pasted: string;
  onPaste: (text: string) => void;
  choice: TrustChoice;
}

export function TrustKey({ keyState, pasted, onPaste, choice }: TrustKeyProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="page-card verify-card verify-key" data-testid="verify-key" data-using={choice.kind}>
      <h3>{t('verify.key.title')}</h3>
      {keyState.status === 'loading' && <p className="panel-note">{t('verify.key.loading')}</p>}
      {keyState.status === 'loaded' && (
        <p>
          {t('verify.key.deployment')}{' '}
          <code className="verify-hash" data-testid="verify-key-fingerprint">
            {keyState.key.fingerprint}
          </code>
        </p>
      )}
      {keyState.status === 'failed' && (
        <p className="panel-note error" data-testid="verify-key-failed">
          {t('verify.key.failed', {
            reason: failureText(failureOf(keyState.error, 'verify.failedUnknown'), t, language),
          })}
        </p>
      )}
      <label className="verify-paste">
        <span>{t('verify.key.paste')}</span>
        <input
          type="text"
          className="field-box"
          spellCheck={false}
          autoComplete="off"
          value={pasted}
          placeholder={t('verify.key.placeholder')}
          onChange={(e) => onPaste(e.target.value)}
          aria-invalid={choice.kind === 'invalid'}
          data-testid="verify-fingerprint-input"
        />
      </label>
      <p
        className={choice.kind === 'invalid' ? 'panel-note error' : 'panel-note'}
        data-testid="verify-key-using"
      >
        {choice.kind === 'invalid'
          ? t('verify.key.invalid')
          : choice.kind === 'pasted'
            ? t('verify.key.using.pasted', { fingerprint: choice.fingerprint })
            : t(`verify.key.using.${choice.kind}`)}
      </p>
    </section>
  );
}
