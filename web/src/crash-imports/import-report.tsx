// The server's report on an upload: how the file was read, the counts, crashes on major roads, and the rejected rows.
import { useTranslation } from 'react-i18next';
import type { CrashImportReport } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { ImportCounts } from './import-counts';
import { RejectedRows } from './rejected-rows';

export function ImportReport({ fileName, report }: { fileName: string; report: CrashImportReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="page-card crash-upload-result" aria-live="polite" data-testid="crash-upload-result">
      <h3>{t('crashImports.result.title', { name: fileName })}</h3>
      <p className="panel-note">
        {t('crashImports.result.source', { source: t(`crashImports.source.${report.source}`) })}
      </p>
      <ImportCounts counts={report.counts} />
      <p className="panel-note">
        {t('crashImports.result.snapped', { n: formatNumber(report.snapped, language) })}
      </p>
      <RejectedRows report={report} />
    </section>
  );
}
