// The four headline figures of a crash breakdown: crashes, deaths, seriously and slightly injured people.
import type { CrashBreakdown } from '@toc/server/schemas';
import { useChartText } from './use-chart-text';

const FIGURES = [
  { key: 'crashes', label: 'analysis-charts.totals.crashes' },
  { key: 'deaths', label: 'analysis-charts.totals.deaths' },
  { key: 'serious', label: 'analysis-charts.totals.serious' },
  { key: 'minor', label: 'analysis-charts.totals.minor' },
] as const;

export function BreakdownTotals({ total }: { total: CrashBreakdown['total'] }) {
  const { t, count } = useChartText();
  return (
    <dl className="charts-totals" aria-label={t('analysis-charts.totals.label')}>
      {FIGURES.map(({ key, label }) => (
        <div key={key} className={`charts-total charts-total-${key}`}>
          <dt>{t(label)}</dt>
          <dd data-testid={`breakdown-total-${key}`}>{count(total[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
