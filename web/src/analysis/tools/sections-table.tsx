// The ranked road sections as a table; choosing a row (click, Enter or Space) shows that section on the map.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoadSection } from '@toc/server/schemas';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { formatFixed } from './numbers';
import { roadLabel, whereLabel, yearsLabel } from './section-labels';
import './tools.css';

interface Props {
  sections: readonly RoadSection[];
  selectedRank: number | null;
  onChoose: (section: RoadSection) => void;
}

export function SectionsTable({ sections, selectedRank, onChoose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = (n: number) => formatNumber(n, language);
  const onKey = (event: KeyboardEvent, section: RoadSection) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onChoose(section);
  };

  return (
    <div className="tools-table-scroll">
      <table className="tools-table sections-table" data-testid="sections-table">
        <thead>
          <tr>
            <th>{t('analysis-tools.sections.col.rank')}</th>
            <th className="text">{t('analysis-tools.sections.col.road')}</th>
            <th className="text">{t('analysis-tools.sections.col.where')}</th>
            <th>{t('analysis-tools.sections.col.crashes')}</th>
            <th>{t('analysis-tools.sections.col.deaths')}</th>
            <th>{t('analysis-tools.sections.col.injured')}</th>
            <th>{t('analysis-tools.sections.col.epdo')}</th>
            <th>{t('analysis-tools.sections.col.perYear')}</th>
            <th>{t('analysis-tools.sections.col.excess')}</th>
            <th className="text">{t('analysis-tools.sections.col.years')}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => {
            const [reference, name] = roadLabel(section, t);
            const selected = section.rank === selectedRank;
            return (
              <tr
                key={section.rank}
                className={selected ? 'selected' : undefined}
                tabIndex={0}
                aria-current={selected || undefined}
                onClick={() => onChoose(section)}
                onKeyDown={(event) => onKey(event, section)}
                data-testid="section-row"
                data-rank={section.rank}
                data-black-spot={section.blackSpot}
              >
                <td>{section.rank}</td>
                <td className="text">
                  <span className="tools-road-ref">{reference}</span> {name}
                  {section.blackSpot && (
                    <span className="tools-badge danger" data-testid="section-black-spot">
                      {t('analysis-tools.sections.blackSpot')}
                    </span>
                  )}
                </td>
                <td className="text nowrap">{whereLabel(section, t, language)}</td>
                <td>{count(section.crashes)}</td>
                <td>{count(section.deaths)}</td>
                <td
                  title={t('analysis-tools.sections.injuredTitle', {
                    serious: count(section.serious),
                    minor: count(section.minor),
                  })}
                >
                  {count(section.serious + section.minor)}
                </td>
                <td>{formatFixed(section.epdo, 1, language)}</td>
                <td>{formatFixed(section.crashesPerYear, 1, language)}</td>
                <td
                  title={t('analysis-tools.sections.excessTitle', {
                    expected: formatFixed(section.ebExpected, 1, language),
                    predicted: formatFixed(section.predicted, 2, language),
                  })}
                  data-testid="section-excess"
                >
                  {formatFixed(section.excess, 1, language)}
                </td>
                <td className="text nowrap">{yearsLabel(section, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
