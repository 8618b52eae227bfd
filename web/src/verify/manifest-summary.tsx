// What the verified manifest says: the request's reference and case number, the cameras, and every file with its
// size, SHA-256 and whether it matched.
import { useTranslation } from 'react-i18next';
import type { ManifestSummary as Summary } from '@toc/verifier/report';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { fileSize } from './file-size';
import type { FileRow } from './manifest-files';

export function ManifestSummary({ summary, files }: { summary: Summary; files: readonly FileRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="verify-summary" data-testid="verify-summary">
      <h4>{t('verify.summary')}</h4>
      <dl className="verify-facts">
        <dt>{t('verify.reference')}</dt>
        <dd data-testid="verify-reference">{summary.reference}</dd>
        <dt>{t('verify.caseNumber')}</dt>
        <dd data-testid="verify-case-number">{summary.caseNumber}</dd>
        <dt>{t('verify.station')}</dt>
        <dd>{summary.station}</dd>
        <dt>{t('verify.packageId')}</dt>
        <dd>
          <code>{summary.packageId}</code>
        </dd>
        <dt>{t('verify.createdAt')}</dt>
        <dd>{formatDateTime(summary.createdAt, language)}</dd>
        <dt>{t('verify.cameras')}</dt>
        <dd>
          <ul className="verify-cameras">
            {summary.cameras.map((camera) => (
              <li key={camera.id} data-testid="verify-camera" data-camera-id={camera.id}>
                {language === 'th'
                  ? `${camera.nameTh} (${camera.name})`
                  : `${camera.name} (${camera.nameTh})`}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <h4>{t('verify.files', { n: formatNumber(summary.fileCount, language) })}</h4>
      <div className="table-scroll">
        <table className="data-table verify-files">
          <thead>
            <tr>
              <th>{t('verify.col.file')}</th>
              <th>{t('verify.col.role')}</th>
              <th>{t('verify.col.size')}</th>
              <th>{t('verify.col.sha256')}</th>
              <th>{t('verify.col.result')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr
                key={file.path}
                className={`status-${file.status}`}
                data-testid="verify-file-row"
                data-path={file.path}
                data-status={file.status}
              >
                <td>
                  <code>{file.path}</code>
                </td>
                <td>{t(`verify.role.${file.role}`)}</td>
                <td title={t('verify.bytes', { n: formatNumber(file.bytes, language) })}>
                  {fileSize(file.bytes, language)}
                </td>
                <td>
                  <code className="verify-hash">{file.sha256}</code>
                </td>
                <td className="verify-file-status">{t(`verify.file.${file.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
