// Crashes per Bangkok month as SVG bars with deaths as a darker inner bar; whole years when the period is too long.
import { useId } from 'react';
import type { CrashBreakdown } from '@toc/server/schemas';
import type { Language } from '../../i18n/i18n';
import { fitLabels, niceTicks, textWidth } from './axis';
import { monthShort, yearLabel } from './calendar-labels';
import { fillMonths, MAX_MONTHS, sumByYear } from './month-series';
import { useChartText } from './use-chart-text';

/** viewBox units: the panel is about 440 px wide, so text is drawn near its real size there and scales on a phone. */
const W = 440;
const H = 210;
const TOP = 10;
const RIGHT = 6;
const FONT = 12;
const ROW = FONT + 5;

interface Bar {
  key: string;
  /** Full name for the tooltip, e.g. "มี.ค. 2555". */
  label: string;
  year: number;
  yearBe: number;
  /** 1..12, or null for a bar of a whole year. */
  month: number | null;
  crashes: number;
  deaths: number;
}

type Props = Pick<CrashBreakdown, 'byYearMonth' | 'yearOnly'>;

function toBars(byYearMonth: Props['byYearMonth'], language: Language): { bars: Bar[]; byYear: boolean } {
  const months = fillMonths(byYearMonth);
  if (months.length > MAX_MONTHS) {
    const years = sumByYear(byYearMonth);
    return {
      byYear: true,
      bars: years.map((y) => ({ ...y, key: String(y.year), label: yearLabel(y, language), month: null })),
    };
  }
  return {
    byYear: false,
    bars: months.map((m) => ({
      ...m,
      key: `${m.year}-${String(m.month).padStart(2, '0')}`,
      label: `${monthShort(m.month, language)} ${yearLabel(m, language)}`,
    })),
  };
}

const r = (v: number) => Math.round(v * 10) / 10;

export function MonthChart({ byYearMonth, yearOnly }: Props) {
  const { t, language, count, labelled } = useChartText();
  const headingId = useId();
  const { bars, byYear } = toBars(byYearMonth, language);
  const yearOnlyList = [...yearOnly]
    .sort((a, b) => a.year - b.year)
    .map((y) => labelled(yearLabel(y, language), y.crashes, y.deaths))
    .join(t('analysis-charts.listSeparator'));

  return (
    <section className="charts-section" data-testid="month-chart" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(byYear ? 'analysis-charts.month.titleByYear' : 'analysis-charts.month.title')}
      </h3>
      {bars.length === 0 ? (
        <p className="charts-note">{t('analysis-charts.month.empty')}</p>
      ) : (
        <>
          <MonthSvg bars={bars} byYear={byYear} language={language} count={count} labelled={labelled} />
          <div className="charts-legend" aria-hidden>
            <span className="charts-swatch month-swatch-crashes" />
            {t('analysis-charts.month.legendCrashes')}
            <span className="charts-swatch month-swatch-deaths" />
            {t('analysis-charts.month.legendDeaths')}
          </div>
          {byYear && (
            <p className="charts-note">{t('analysis-charts.month.byYearNote', { n: MAX_MONTHS })}</p>
          )}
        </>
      )}
      {yearOnly.length > 0 && (
        <p className="charts-note" data-testid="month-chart-year-only">
          {t('analysis-charts.month.yearOnly', { list: yearOnlyList })}
        </p>
      )}
    </section>
  );
}

interface SvgProps {
  bars: Bar[];
  byYear: boolean;
  language: Language;
  count: (n: number) => string;
  labelled: (label: string, crashes: number, deaths: number) => string;
}

function MonthSvg({ bars, byYear, language, count, labelled }: SvgProps) {
  const ticks = niceTicks(Math.max(...bars.map((b) => Math.max(b.crashes, b.deaths))));
  const yMax = ticks[ticks.length - 1] ?? 1;
  const left = Math.max(24, ...ticks.map((v) => textWidth(count(v), FONT - 1) + 8));
  // Month names fit under the bars only for a year or two; beyond that the years alone mark the axis.
  const monthStep = byYear ? 0 : bars.length <= 12 ? 1 : bars.length <= 24 ? 3 : 0;
  const rows = monthStep ? 2 : 1;
  const plotW = W - left - RIGHT;
  const plotH = H - TOP - rows * ROW - 4;
  const baseline = TOP + plotH;
  const slot = plotW / bars.length;
  // Thin bars lose their gap: on a five-year chart a gap would eat half of each bar.
  // A few months would otherwise draw bars as wide as the panel.
  const barW = Math.min(36, slot > 5 ? slot * 0.78 : slot * 0.92);
  const innerW = Math.max(1, barW * 0.45);
  const y = (v: number) => baseline - (plotH * v) / yMax;
  const height = (v: number) => (v > 0 ? Math.max(1, baseline - y(v)) : 0);
  const centre = (i: number) => left + slot * (i + 0.5);

  const monthLabels = monthStep
    ? bars.flatMap((b, i) =>
        b.month !== null && (b.month - 1) % monthStep === 0
          ? [{ i, text: monthShort(b.month, language) }]
          : [],
      )
    : [];
  const keptMonths = fitLabels(
    monthLabels.map((l) => ({ x: centre(l.i), width: textWidth(l.text, FONT) })),
    left,
    W - RIGHT,
  );

  // Consecutive bars of one year share a label centred under them, with a tick where the year starts.
  const years: { text: string; from: number; to: number }[] = [];
  bars.forEach((b, i) => {
    const last = years[years.length - 1];
    if (last && !byYear && bars[last.from]?.year === b.year) last.to = i;
    else years.push({ text: yearLabel(b, language), from: i, to: i });
  });
  const yearX = (g: { from: number; to: number }) => left + slot * ((g.from + g.to + 1) / 2);
  const keptYears = fitLabels(
    years.map((g) => ({ x: yearX(g), width: textWidth(g.text, FONT) })),
    left,
    W - RIGHT,
  );
  const yearRowY = baseline + rows * ROW;

  return (
    <svg className="month-chart-svg" viewBox={`0 0 ${W} ${H}`} width="100%" role="group">
      {ticks.map((v) => (
        <g key={v} className="charts-grid">
          <line x1={left} x2={W - RIGHT} y1={r(y(v))} y2={r(y(v))} />
          <text x={left - 4} y={r(y(v))} dy="0.35em" textAnchor="end" fontSize={FONT - 1}>
            {count(v)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const x = left + slot * i;
        return (
          <g
            key={b.key}
            className="month-bar"
            data-testid="month-bar"
            data-key={b.key}
            data-crashes={b.crashes}
            data-deaths={b.deaths}
            role="img"
          >
            <title>{labelled(b.label, b.crashes, b.deaths)}</title>
            {/* The whole column answers the pointer, so a month with one crash still shows its tooltip. */}
            <rect className="month-bar-hit" x={r(x)} y={TOP} width={r(slot)} height={r(plotH)} />
            {b.crashes > 0 && (
              <rect
                className="month-bar-crashes"
                x={r(x + (slot - barW) / 2)}
                y={r(baseline - height(b.crashes))}
                width={r(barW)}
                height={r(height(b.crashes))}
              />
            )}
            {b.deaths > 0 && (
              <rect
                className="month-bar-deaths"
                x={r(x + (slot - innerW) / 2)}
                y={r(baseline - height(b.deaths))}
                width={r(innerW)}
                height={r(height(b.deaths))}
              />
            )}
          </g>
        );
      })}
      <line className="charts-axis" x1={left} x2={W - RIGHT} y1={baseline} y2={baseline} />
      {keptMonths.map((k) => {
        const l = monthLabels[k];
        return (
          l && (
            <text
              key={`m${l.i}`}
              className="charts-label"
              x={r(centre(l.i))}
              y={baseline + ROW - 4}
              fontSize={FONT}
              textAnchor="middle"
            >
              {l.text}
            </text>
          )
        );
      })}
      {!byYear &&
        years
          .slice(1)
          .map((g) => (
            <line
              key={`t${g.from}`}
              className="charts-axis"
              x1={r(left + slot * g.from)}
              x2={r(left + slot * g.from)}
              y1={baseline}
              y2={yearRowY}
            />
          ))}
      {keptYears.map((k) => {
        const g = years[k];
        return (
          g && (
            <text
              key={`y${g.from}`}
              className="charts-label"
              x={r(yearX(g))}
              y={yearRowY - 4}
              fontSize={FONT}
              textAnchor="middle"
            >
              {g.text}
            </text>
          )
        );
      })}
    </svg>
  );
}
