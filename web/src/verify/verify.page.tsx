// Checking an evidence package in the browser: choose or drop the zip, it is verified here (never uploaded) against
// this system's published key or a pasted fingerprint, with progress while large files are hashed, then the result.
import './verify.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TrustInputError } from '@toc/verifier/verify-package';
import { failureOf, failureText } from '../account/api-failure';
import type { Language } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';
import { fileSize } from './file-size';
import { PackagePicker } from './package-picker';
import { trustChoice, trustLabel } from './trust-choice';
import { TrustKey } from './trust-key';
import { useEvidenceKey } from './use-evidence-key';
import { usePackageVerification } from './use-package-verification';
import { VerifyProgress } from './verify-progress';
import { VerifyResult } from './verify-result';

function runFailure(error: unknown, language: Language, fallback: () => string): string {
  if (error instanceof TrustInputError) return language === 'th' ? error.messageTh : error.message;
  if (error instanceof Error && error.message) return error.message;
  return fallback();
}

export function VerifyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const keyState = useEvidenceKey();
  const [pasted, setPasted] = useState('');
  const choice = trustChoice(pasted, keyState);
  const { state, start, stop } = usePackageVerification();
  // A file chosen before the key arrived (or while the pasted fingerprint is wrong) waits for a usable choice.
  const [waiting, setWaiting] = useState<File | null>(null);
  const usable = trustLabel(choice) !== null;

  useEffect(() => {
    if (waiting && usable) {
      start(waiting, choice);
      setWaiting(null);
    }
  }, [waiting, usable, choice, start]);

  const onFile = (file: File) => {
    if (usable) start(file, choice);
    else {
      stop();
      setWaiting(file);
    }
  };

  const file = waiting ?? (state.phase === 'idle' ? null : state.file);
  const checkedWithOther =
    state.phase === 'done' && usable && trustLabel(state.checkedWith) !== trustLabel(choice);

  return (
    <main className="card-page verify-page" data-testid="verify-page">
      <header className="card-page-header">
        <h2>{t('verify.title')}</h2>
      </header>
      <p className="card-page-intro">{t('verify.intro')}</p>
      <TrustKey keyState={keyState} pasted={pasted} onPaste={setPasted} choice={choice} />
      <section className="page-card verify-card">
        <PackagePicker onFile={onFile} />
        {file && (
          <p className="verify-chosen" data-testid="verify-chosen">
            {t('verify.chosen', { name: file.name, size: fileSize(file.size, language) })}
          </p>
        )}
      </section>
      {state.phase === 'checking' && <VerifyProgress progress={state.progress} onStop={stop} />}
      {state.phase === 'stopped' && (
        <p className="page-card verify-card panel-note" role="status" data-testid="verify-stopped">
          {t('verify.stopped')}
        </p>
      )}
      {state.phase === 'error' && (
        <p className="page-card verify-card verify-alert" role="alert" data-testid="verify-error">
          {t('verify.failedToRun', {
            reason: runFailure(state.error, language, () =>
              failureText(failureOf(state.error, 'verify.failedUnknown'), t, language),
            ),
          })}
        </p>
      )}
      {state.phase === 'done' && (
        <>
          {checkedWithOther && (
            <p className="page-card verify-card verify-changed" role="status">
              {t('verify.key.changed')}{' '}
              <button
                type="button"
                className="button secondary compact"
                onClick={() => start(state.file, choice)}
                data-testid="verify-again"
              >
                {t('verify.again')}
              </button>
            </p>
          )}
          <VerifyResult result={state.result} />
        </>
      )}
    </main>
  );
}

export default VerifyPage;
