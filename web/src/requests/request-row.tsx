// One request in the list: reference (opens it), case number, station, when it was filed, its status, and the export
// progress or the download when the package is ready.
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { DownloadButton } from './download-button';
import { ExportProgress } from './export-progress';
import { requestAccess, type RequestUser } from './request-access';
import { OverdueChip, StatusChip } from './status-chip';

export function RequestRow({ request, user }: { request: FootageRequest; user: RequestUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const access = requestAccess(user, request);
  return (
    <tr
      className={request.overdue ? 'request-row overdue' : 'request-row'}
      data-testid="request-row"
      data-request-id={request.id}
      data-reference={request.reference}
      data-status={request.status}
      data-overdue={request.overdue}
    >
      <td>
        <a href={routeHref('request', request.id)} className="request-reference" data-testid="request-link">
          {request.reference}
        </a>
        {request.kind === 'walk_in' && <div className="panel-note">{t('requests.kind.walk_in')}</div>}
      </td>
      <td data-testid="request-case-number">{request.caseNumber}</td>
      <td>{request.station}</td>
      <td data-testid="request-submitted">{formatDateTime(request.createdAt, language)}</td>
      <td>
        <div className="request-status-cell">
          <StatusChip status={request.status} />
          {request.overdue && <OverdueChip />}
        </div>
      </td>
      <td className="request-row-progress">
        {request.status === 'exporting' && <ExportProgress progress={request.exportProgress} />}
        {request.status === 'export_failed' && (
          <span className="panel-note error">{t('requests.exportFailedShort')}</span>
        )}
        {access.download && <DownloadButton requestId={request.id} compact />}
      </td>
    </tr>
  );
}
