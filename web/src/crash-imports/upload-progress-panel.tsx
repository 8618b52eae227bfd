// While an upload runs: the bar with percent and megabytes sent, then an indeterminate bar while the server imports.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import type { UploadState } from './upload-state';

type Running = Extract<UploadState, { kind: 'sending' | 'importing' }>;

export function UploadProgressPanel({ state, onCancel }: { state: Running; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sending = state.kind === 'sending' ? state.progress : null;
  const percent = sending ? sending.percent : 100;
  return (
    <section
      className="page-card crash-upload-progress"
      data-testid="crash-upload-progress"
      data-percent={percent}
      data-phase={state.kind}
      aria-busy="true"
    >
      <p>
        {sending
          ? t('crashImports.sending', { name: state.fileName })
          : t('crashImports.importing', { name: state.fileName })}
      </p>
      {/* No value while importing: the server says nothing until it is done, so the bar shows work, not a share. */}
      <progress
        max={100}
        value={sending ? percent : undefined}
        aria-label={t('crashImports.progressLabel')}
      />
      <p className="panel-note">
        {sending
          ? t('crashImports.sent', {
              percent: formatNumber(sending.percent, language),
              sent: formatNumber(sending.sentMb, language),
              total: formatNumber(sending.totalMb, language),
            })
          : t('crashImports.importingCancel')}
      </p>
      <button
        type="button"
        className="button secondary compact"
        onClick={onCancel}
        data-testid="crash-upload-cancel"
      >
        {t('crashImports.cancel')}
      </button>
    </section>
  );
}
