// The signed evidence package of a request: how far its export has got, why it failed, and once built, its download
// (for the requesting officer and admins) with the figures a court checks it by and the way to the verify page.
import { useTranslation } from 'react-i18next';
import type { FootageRequest } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { formatBytes } from '../recordings/recording-figures';
import { DownloadButton } from './download-button';
import { ExportProgress } from './export-progress';
import type { RequestAccess } from './request-access';

const SHOWN: readonly FootageRequest['status'][] = [
  'approved',
  'exporting',
  'export_failed',
  'ready',
  'downloaded',
];

export function PackageCard({ request, access }: { request: FootageRequest; access: RequestAccess }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pkg = request.package;
  if (!SHOWN.includes(request.status) && !pkg) return null;
  return (
    <section className="page-card" data-testid="request-package">
      <h3>{t('requests.package.title')}</h3>
      {request.status === 'approved' && <p className="panel-note">{t('requests.package.queued')}</p>}
      {request.status === 'exporting' && <ExportProgress progress={request.exportProgress} />}
      {request.status === 'export_failed' && (
        <p className="panel-note error" role="alert" data-testid="export-error">
          {t('requests.package.failed', { reason: request.exportError ?? t('requests.package.noReason') })}
        </p>
      )}
      {pkg && (
        <>
          {access.download && <DownloadButton requestId={request.id} />}
          {(request.status === 'ready' || request.status === 'downloaded') && !access.download && (
            <p className="panel-note">{t('requests.package.requesterOnly')}</p>
          )}
          <dl className="request-facts package-facts">
            <div className="request-fact">
              <dt>{t('requests.package.zipSha256')}</dt>
              <dd>
                <code data-testid="package-sha256">{pkg.sha256}</code>
              </dd>
            </div>
            <div className="request-fact">
              <dt>{t('requests.package.manifestSha256')}</dt>
              <dd>
                <code data-testid="package-manifest-sha256">{pkg.manifestSha256}</code>
              </dd>
            </div>
            <div className="request-fact">
              <dt>{t('requests.package.keyFingerprint')}</dt>
              <dd>
                <code data-testid="package-key-fingerprint">{pkg.keyFingerprint}</code>
              </dd>
            </div>
            <div className="request-fact">
              <dt>{t('requests.package.built')}</dt>
              <dd data-testid="package-built">
                {formatDateTime(pkg.createdAt, language)} · {formatBytes(pkg.bytes, language)}
              </dd>
            </div>
          </dl>
          <p className="panel-note">
            {t('requests.package.verifyHint')}{' '}
            <a href={routeHref('verify')} data-testid="request-verify-link">
              {t('requests.package.verifyLink')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
