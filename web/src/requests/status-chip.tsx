// A request's status as a coloured chip, in the UI language.
import { useTranslation } from 'react-i18next';
import type { FootageRequestStatus } from '@toc/server/schemas';

export function StatusChip({ status }: { status: FootageRequestStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`pill request-chip status-${status}`} data-testid="request-status" data-status={status}>
      {t(`requests.status.${status}`)}
    </span>
  );
}

/** Shown beside the status of a request waiting for a decision longer than the limit. */
export function OverdueChip() {
  const { t } = useTranslation();
  return (
    <span
      className="pill request-chip overdue"
      data-testid="request-overdue"
      title={t('requests.overdueHint')}
    >
      {t('requests.overdue')}
    </span>
  );
}
