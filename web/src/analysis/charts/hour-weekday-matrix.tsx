// Crashes by weekday (Sunday first, as the data) and Bangkok hour: a 7 × 24 table coloured light yellow to dark red.
import { useId } from 'react';
import { HEAT_GRADIENT, heatColor, heatLevel, heatTextColor } from './color-scale';
import { HOURS, matrixTotals } from './matrix-totals';
import { useChartText } from './use-chart-text';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function HourWeekdayMatrix({ matrix }: { matrix: readonly (readonly number[])[] }) {
  const { t, count, crashes } = useChartText();
  const headingId = useId();
  const totals = matrixTotals(matrix);
  const hours = Array.from({ length: HOURS }, (_, h) => h);

  return (
    <section className="charts-section" data-testid="hour-weekday-matrix" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('analysis-charts.matrix.title')}</h3>
      <p className="charts-note">{t('analysis-charts.matrix.note')}</p>
      {totals.total === 0 && <p className="charts-note">{t('analysis-charts.matrix.empty')}</p>}
      {/* A size container: counts print in the cells only where the table is wide enough for them (charts.css). */}
      <div className="matrix-frame">
        <table className="matrix-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                <span className="charts-visually-hidden">{t('analysis-charts.matrix.corner')}</span>
              </th>
              {hours.map((h) => (
                // Every third hour stays legible on a phone; the others fade until there is room for them.
                <th
                  key={h}
                  scope="col"
                  className={h % 3 === 0 ? 'matrix-hour' : 'matrix-hour matrix-hour-minor'}
                >
                  {h}
                </th>
              ))}
              <th scope="col" className="matrix-total">
                {t('analysis-charts.matrix.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((day, d) => {
              const dayLong = t(`analysis-charts.weekdayLong.${day}`);
              return (
                <tr key={day}>
                  <th scope="row" className="matrix-day">
                    <abbr title={dayLong}>{t(`analysis-charts.weekday.${day}`)}</abbr>
                  </th>
                  {hours.map((h) => {
                    const n = matrix[d]?.[h] ?? 0;
                    const level = heatLevel(n, totals.max);
                    const when = t('analysis-charts.matrix.cell', {
                      day: dayLong,
                      from: hh(h),
                      to: `${String(h).padStart(2, '0')}:59`,
                    });
                    return (
                      <td
                        key={h}
                        className="matrix-cell"
                        data-testid="matrix-cell"
                        data-count={n}
                        data-weekday={d}
                        data-hour={h}
                        title={`${when}: ${crashes(n)}`}
                        style={
                          level === null
                            ? undefined
                            : { background: heatColor(level), color: heatTextColor(level) }
                        }
                      >
                        <span className="matrix-count">{n > 0 ? count(n) : ''}</span>
                      </td>
                    );
                  })}
                  <td
                    className="matrix-total"
                    data-testid="matrix-row-total"
                    data-count={totals.rows[d] ?? 0}
                  >
                    {count(totals.rows[d] ?? 0)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="matrix-day">
                {t('analysis-charts.matrix.total')}
              </th>
              {totals.columns.map((n, h) => (
                <td
                  key={h}
                  className="matrix-column-total"
                  data-testid="matrix-column-total"
                  data-count={n}
                  title={`${hh(h)}: ${crashes(n)}`}
                >
                  <span className="matrix-count">{count(n)}</span>
                </td>
              ))}
              <td className="matrix-total" data-testid="matrix-total" data-count={totals.total}>
                {count(totals.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="charts-legend matrix-legend" aria-hidden>
        <span className="charts-swatch matrix-swatch-none" />
        {t('analysis-charts.matrix.legendNone')}
        <span className="matrix-gradient-label">{t('analysis-charts.matrix.legendFew')}</span>
        <span className="matrix-gradient" style={{ background: HEAT_GRADIENT }} />
        {t('analysis-charts.matrix.legendMany', { n: count(totals.max) })}
      </div>
    </section>
  );
}
