// A failed or cancelled upload, in words: the server's reason in the reader's language or the page's own.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { failureText } from './upload-failure';
import type { UploadFailure } from './upload-state';

export function UploadFailureNote({ failure }: { failure: UploadFailure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = failureText(failure, language);
  const words =
    'reason' in text
      ? t('crashImports.error.refused', { reason: text.reason })
      : t(text.key, { status: text.status });
  // A cancel is the admin's own doing: said plainly, not as an alarm.
  const cancelled = failure.kind === 'cancelled';
  return (
    <p
      className={cancelled ? 'page-card panel-note' : 'card-page-alert'}
      role={cancelled ? 'status' : 'alert'}
      data-testid="crash-upload-error"
      data-kind={failure.kind}
    >
      {words}
    </p>
  );
}
