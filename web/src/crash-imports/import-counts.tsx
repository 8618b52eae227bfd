// The counts of one import as large figures: read, added, updated, unchanged, rejected.
import { useTranslation } from 'react-i18next';
import type { CrashImportReport } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

export const COUNT_KEYS = ['read', 'added', 'updated', 'same', 'rejected'] as const;

export function ImportCounts({ counts }: { counts: CrashImportReport['counts'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <dl className="crash-import-counts">
      {COUNT_KEYS.map((key) => (
        <div key={key} className={key === 'rejected' && counts.rejected > 0 ? 'has-rejected' : undefined}>
          <dt>{t(`crashImports.count.${key}`)}</dt>
          <dd data-testid={`crash-count-${key}`}>{formatNumber(counts[key], language)}</dd>
        </div>
      ))}
    </dl>
  );
}
