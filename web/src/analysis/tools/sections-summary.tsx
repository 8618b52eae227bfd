// The line above the ranking: how many windows and black spots, and where the filtered crashes could be placed.
import { useTranslation } from 'react-i18next';
import type { RoadSectionsReply } from '@toc/server/schemas';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import './tools.css';

export function SectionsSummary({ reply }: { reply: RoadSectionsReply }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const { coverage, excluded } = reply;
  return (
    <div className="tools-summary" data-testid="sections-summary">
      <p className="tools-summary-main">
        {t('analysis-tools.sections.totals', {
          total: n(reply.totalSections),
          blackSpots: n(reply.blackSpots),
        })}
      </p>
      <p className="tools-hint">
        {t('analysis-tools.sections.coverage', {
          filtered: n(coverage.filtered),
          km: n(coverage.km),
          osmLine: n(coverage.osmLine),
          unplaced: n(coverage.unplaced),
        })}
      </p>
      {/* Only when something was left out: a zero line would be noise. */}
      {(excluded.noKm > 0 || excluded.km > 0) && (
        <p className="tools-hint">
          {t('analysis-tools.sections.excluded', { noKm: n(excluded.noKm), km: n(excluded.km) })}
        </p>
      )}
    </div>
  );
}
