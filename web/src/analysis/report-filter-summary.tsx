// The applied filter in words for the printed report: area, drawn area, period, festival, days, hours, severity and
// the chosen codes, in the reader's language.
import { useTranslation } from 'react-i18next';
import type { CodedCount, CrashBreakdown } from '@toc/server/schemas';
import { useLanguage } from '../i18n/use-language';
import type { CrashFilterState } from './crash-filter-state';
import { formatDay } from './tools/period-dates';
import { weekdayShort } from './weekday-name';

interface ReportFilterSummaryProps {
  filter: CrashFilterState;
  areaName: string | null;
  /** For the codes' labels. */
  breakdown: CrashBreakdown | null;
}

export function ReportFilterSummary({ filter, areaName, breakdown }: ReportFilterSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labelled = (codes: string[], known: CodedCount[] | undefined) =>
    codes
      .map((code) => {
        const item = known?.find((k) => k.code === code);
        return item ? (language === 'th' ? item.th : item.en) : code;
      })
      .join(', ');
  const rows: [string, string][] = [
    [t('analysis.area'), areaName ?? (filter.area || t('analysis.wholeCountry'))],
    [
      t('analysis.period'),
      filter.from || filter.to
        ? `${filter.from ? formatDay(filter.from, language) : '…'} – ${filter.to ? formatDay(filter.to, language) : '…'}`
        : t('analysis.report.allYears'),
    ],
  ];
  if (filter.polygon) rows.push([t('analysis.report.drawnArea'), t('analysis.report.drawnAreaYes')]);
  if (filter.festival)
    rows.push([
      t('analysis.festival'),
      t(filter.festival === 'songkran' ? 'analysis.festival.songkran' : 'analysis.festival.newYear'),
    ]);
  if (filter.weekdays.length)
    rows.push([t('analysis.weekdays'), filter.weekdays.map((day) => weekdayShort(day, language)).join(', ')]);
  if (filter.hours.length)
    rows.push([t('analysis.hours'), `${filter.hours[0]}:00 – ${filter.hours[filter.hours.length - 1]}:59`]);
  if (filter.severities.length)
    rows.push([t('analysis.severity'), filter.severities.map((s) => t(`analysis.severity.${s}`)).join(', ')]);
  if (filter.causes.length) rows.push([t('analysis.cause'), labelled(filter.causes, breakdown?.byCause)]);
  if (filter.crashTypes.length)
    rows.push([t('analysis.crashType'), labelled(filter.crashTypes, breakdown?.byCrashType)]);
  if (filter.vehicles.length)
    rows.push([t('analysis.vehicle'), labelled(filter.vehicles, breakdown?.byVehicle)]);
  if (filter.weather.length)
    rows.push([t('analysis.weather'), labelled(filter.weather, breakdown?.byWeather)]);
  return (
    <dl className="report-filter" data-testid="report-filter">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
