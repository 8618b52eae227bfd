// Horizontal bars of the codes with most crashes (cause, crash type, vehicle, weather), the rest as one "others" row.
import { useId } from 'react';
import type { CodedCount } from '@toc/server/schemas';
import { topWithOthers } from './top-codes';
import { useChartText } from './use-chart-text';

interface Props {
  title: string;
  items: readonly CodedCount[];
  limit?: number;
  testId: string;
  /** A line under the title, e.g. that a crash counts under every vehicle. */
  note?: string;
}

interface Row {
  code: string;
  label: string;
  crashes: number;
  deaths: number;
}

export function CodedBars({ title, items, limit = 10, testId, note }: Props) {
  const { t, language } = useChartText();
  const headingId = useId();
  const { top, others } = topWithOthers(items, limit);
  const rows: Row[] = top.map((c) => ({
    code: c.code,
    label: c[language] || c.en || c.code,
    crashes: c.crashes,
    deaths: c.deaths,
  }));
  const othersRow: Row | null = others && {
    code: 'others',
    label: t('analysis-charts.bars.others', { n: others.codes }),
    crashes: others.crashes,
    deaths: others.deaths,
  };
  // One scale for crashes and deaths (and the others row, which may outgrow every code) so the bars compare.
  const max = Math.max(
    1,
    ...[...rows, ...(othersRow ? [othersRow] : [])].flatMap((row) => [row.crashes, row.deaths]),
  );

  return (
    <section className="charts-section coded-bars" data-testid={testId} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {note && <p className="charts-note">{note}</p>}
      {rows.length === 0 ? (
        <p className="charts-note">{t('analysis-charts.bars.empty')}</p>
      ) : (
        <ol className="coded-bar-list">
          {rows.map((row) => (
            <BarRow key={row.code} row={row} max={max} testId="coded-bar" />
          ))}
          {othersRow && <BarRow row={othersRow} max={max} testId="coded-bar-others" />}
        </ol>
      )}
    </section>
  );
}

function BarRow({ row, max, testId }: { row: Row; max: number; testId: string }) {
  const { count, deaths, labelled } = useChartText();
  const pct = (n: number) => `${Math.round((1000 * n) / max) / 10}%`;
  return (
    <li
      className={row.code === 'others' ? 'coded-bar coded-bar-others' : 'coded-bar'}
      data-testid={testId}
      data-code={row.code}
      data-crashes={row.crashes}
      data-deaths={row.deaths}
      title={labelled(row.label, row.crashes, row.deaths)}
    >
      <div className="coded-bar-text">
        <span className="coded-bar-label">{row.label}</span>
        <span className="coded-bar-value">
          <strong>{count(row.crashes)}</strong>
          <span className={row.deaths > 0 ? 'coded-bar-deaths-text' : 'coded-bar-deaths-text none'}>
            {deaths(row.deaths)}
          </span>
        </span>
      </div>
      {/* Crashes as the thick bar, deaths as the thin dark one under it, on the same scale. */}
      <div className="coded-bar-track" aria-hidden>
        <span className="coded-bar-crashes" style={{ width: pct(row.crashes) }} />
        <span className="coded-bar-deaths" style={{ width: pct(row.deaths) }} />
      </div>
    </li>
  );
}
