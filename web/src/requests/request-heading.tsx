// The top of a request's page: back to the list, its reference, status, how it was filed and whether it is overdue.
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { OverdueChip, StatusChip } from './status-chip';

export function RequestHeading({ request }: { request: FootageRequest }) {
  const { t } = useTranslation();
  return (
    <header className="card-page-header">
      <a href={routeHref('requests')} className="button ghost compact" data-testid="request-back">
        {t('requests.back')}
      </a>
      <h2 data-testid="request-reference">{request.reference}</h2>
      <StatusChip status={request.status} />
      {request.overdue && <OverdueChip />}
      <span className="pill request-chip kind">{t(`requests.kind.${request.kind}`)}</span>
      <span className="card-page-zone">{t('requests.timeZone')}</span>
    </header>
  );
}
