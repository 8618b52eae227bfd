// The rejected rows of an import: line and reason in the reader's language; the first ones when there are many.
import { useTranslation } from 'react-i18next';
import type { CrashImportReport } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

export function RejectedRows({ report }: { report: CrashImportReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rejections, counts } = report;
  if (counts.rejected === 0) return <p className="panel-note">{t('crashImports.rejected.none')}</p>;
  return (
    <>
      <h4>{t('crashImports.rejected.title')}</h4>
      {/* The server keeps the first rows only; the count covers them all. */}
      {rejections.length < counts.rejected && (
        <p className="panel-note">
          {t('crashImports.rejected.first', {
            shown: formatNumber(rejections.length, language),
            total: formatNumber(counts.rejected, language),
          })}
        </p>
      )}
      <div className="crash-rejected-scroll">
        <table className="data-table crash-rejected" data-testid="crash-upload-rejected">
          <thead>
            <tr>
              <th className="num">{t('crashImports.rejected.line')}</th>
              <th>{t('crashImports.rejected.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rejections.map((r, i) => (
              <tr key={`${r.line}-${i}`} data-testid="rejected-row" data-line={r.line}>
                <td className="num">{formatNumber(r.line, language)}</td>
                <td>{language === 'th' ? r.reasonTh : r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
