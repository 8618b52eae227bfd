// The charts of the planners' crash analysis: totals, crashes by month, by weekday and hour, and by coded attribute.
import type { CrashBreakdown } from '@toc/server/schemas';
import { BreakdownTotals } from './breakdown-totals';
import { CodedBars } from './coded-bars';
import { HourWeekdayMatrix } from './hour-weekday-matrix';
import { MonthChart } from './month-chart';
import { useChartText } from './use-chart-text';
import './charts.css';

export { BreakdownTotals } from './breakdown-totals';
export { CodedBars } from './coded-bars';
export { HourWeekdayMatrix } from './hour-weekday-matrix';
export { MonthChart } from './month-chart';

export function BreakdownCharts({ breakdown }: { breakdown: CrashBreakdown }) {
  const { t } = useChartText();
  return (
    <div
      className="breakdown-charts"
      data-testid="breakdown-charts"
      aria-label={t('analysis-charts.title')}
      role="group"
    >
      <BreakdownTotals total={breakdown.total} />
      <MonthChart byYearMonth={breakdown.byYearMonth} yearOnly={breakdown.yearOnly} />
      <HourWeekdayMatrix matrix={breakdown.hourByWeekday} />
      <div className="breakdown-coded">
        <CodedBars
          title={t('analysis-charts.cause.title')}
          items={breakdown.byCause}
          testId="breakdown-cause"
        />
        <CodedBars
          title={t('analysis-charts.crashType.title')}
          items={breakdown.byCrashType}
          testId="breakdown-crash-type"
        />
        <CodedBars
          title={t('analysis-charts.vehicle.title')}
          items={breakdown.byVehicle}
          testId="breakdown-vehicle"
          note={t('analysis-charts.vehicle.note')}
        />
        <CodedBars
          title={t('analysis-charts.weather.title')}
          items={breakdown.byWeather}
          testId="breakdown-weather"
        />
      </div>
    </div>
  );
}
