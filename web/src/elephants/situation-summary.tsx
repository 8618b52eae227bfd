// The elephant situation in four figures: current sightings, open warnings, places warned, and the nearest place.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import type { ElephantSituation } from './elephant-situation';
import { compassKey, kmText } from './elephant-labels';

export function SituationSummary({ situation }: { situation: ElephantSituation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { nearest } = situation;
  const figure = (testId: string, label: string, value: number) => (
    <div className="elephant-figure" data-testid={testId} data-value={value}>
      <dt>{label}</dt>
      <dd>{formatNumber(value, language)}</dd>
    </div>
  );
  return (
    <dl className="elephant-summary" data-testid="elephant-summary">
      {figure('summary-sightings', t('elephants.summary.sightings'), situation.sightings.length)}
      {figure('summary-warnings', t('elephants.summary.warnings'), situation.warnings.length)}
      {figure('summary-places', t('elephants.summary.places'), situation.placesWarned)}
      <div className="elephant-figure nearest" data-testid="summary-nearest">
        <dt>{t('elephants.summary.nearest')}</dt>
        <dd>
          {nearest
            ? t('elephants.summary.nearestValue', {
                place: language === 'th' ? nearest.nameTh : nearest.name,
                km: kmText(nearest.distanceM),
                direction: t(compassKey(nearest.direction)),
              })
            : t('elephants.summary.nearestNone')}
        </dd>
      </div>
    </dl>
  );
}
