// Why an action on a request failed, in the current language; nothing when it did not fail.
import { useTranslation } from 'react-i18next';
import { failureText, type Failure } from '../account/api-failure';
import { useLanguage } from '../i18n/use-language';

export function ActionFailure({
  failure,
  testId = 'request-action-error',
}: {
  failure: Failure | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!failure) return null;
  return (
    <p className="panel-note error" role="alert" data-testid={testId}>
      {failureText(failure, t, language)}
    </p>
  );
}
