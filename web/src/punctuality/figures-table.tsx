// One table of punctuality figures: a row per route or per hour, with on-time share drawn as a bar.
import { useTranslation } from 'react-i18next';
import type { PunctualityFigures } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

export interface FiguresRow {
  key: string;
  label: string;
  figures: PunctualityFigures;
}

/** Percent and delay texts in the UI language (delays in minutes to one decimal). */
export function useFigureFormats() {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    count: (n: number) => formatNumber(n, language),
    pct: (n: number) => `${formatNumber(n, language)} %`,
    minutes: (s: number) => t('punctuality.minutes', { n: formatNumber(Math.round(s / 6) / 10, language) }),
  };
}

export function FiguresTable({
  testId,
  firstHead,
  rows,
}: {
  testId: string;
  firstHead: string;
  rows: readonly FiguresRow[];
}) {
  const { t } = useTranslation();
  const { count, pct, minutes } = useFigureFormats();
  return (
    <table className="punctuality-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{firstHead}</th>
          <th>{t('punctuality.calls')}</th>
          <th>{t('punctuality.onTime')}</th>
          <th>{t('punctuality.early')}</th>
          <th>{t('punctuality.late')}</th>
          <th>{t('punctuality.medianDelay')}</th>
          <th>{t('punctuality.p90Delay')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, figures: f }) => (
          <tr key={key}>
            <td>{label}</td>
            <td>{count(f.calls)}</td>
            <td>
              {pct(f.onTimePct)}
              <span className="bar" style={{ width: `${Math.round(f.onTimePct)}px` }} aria-hidden />
            </td>
            <td>{pct(f.earlyPct)}</td>
            <td>{pct(f.latePct)}</td>
            <td>{minutes(f.medianDelayS)}</td>
            <td>{minutes(f.p90DelayS)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
