// Bus punctuality for planners and the control room: a period of Bangkok days, then stop calls on time, early and late,
// overall, per route and per hour, with the same report as CSV.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PunctualityReport } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { useLanguage } from '../i18n/use-language';
import { FiguresTable, useFigureFormats } from './figures-table';
import { fetchPunctuality, punctualityCsvUrl } from './punctuality.api';
import { lastWeek, periodInstants } from './report-period';
import './punctuality.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'loaded'; report: PunctualityReport; from: Date; to: Date }
  | { kind: 'failed'; reason: string };

export default function PunctualityPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [days, setDays] = useState(() => lastWeek(new Date()));
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const period = periodInstants(days.firstDay, days.lastDay);
  const { count, pct, minutes } = useFigureFormats();

  const load = useCallback(
    (from: Date, to: Date, signal?: AbortSignal) => {
      setLoaded({ kind: 'loading' });
      fetchPunctuality(from, to, signal).then(
        (report) => setLoaded({ kind: 'loaded', report, from, to }),
        (error: unknown) => {
          if (signal?.aborted) return;
          setLoaded({
            kind: 'failed',
            reason: error instanceof ApiError ? error.localizedMessage(language) : t('punctuality.offline'),
          });
        },
      );
    },
    [language, t],
  );

  // The last week is shown at once; later periods on request.
  useEffect(() => {
    const first = periodInstants(days.firstDay, days.lastDay);
    if (typeof first === 'string') return;
    const abort = new AbortController();
    load(first.from, first.to, abort.signal);
    return () => abort.abort();
    // Only on opening the page.
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof period !== 'string') load(period.from, period.to);
  };

  return (
    <main className="punctuality-page" data-testid="punctuality-page">
      <h2>{t('punctuality.title')}</h2>
      <p className="punctuality-intro">{t('punctuality.intro')}</p>
      <form className="punctuality-form" onSubmit={submit}>
        <label>
          {t('punctuality.firstDay')}
          <input
            type="date"
            value={days.firstDay}
            onChange={(e) => setDays({ ...days, firstDay: e.target.value })}
            data-testid="punctuality-first-day"
          />
        </label>
        <label>
          {t('punctuality.lastDay')}
          <input
            type="date"
            value={days.lastDay}
            onChange={(e) => setDays({ ...days, lastDay: e.target.value })}
            data-testid="punctuality-last-day"
          />
        </label>
        <button
          type="submit"
          className="button primary"
          disabled={typeof period === 'string'}
          data-testid="punctuality-show"
        >
          {t('punctuality.show')}
        </button>
        {loaded.kind === 'loaded' && (
          <a
            className="button"
            href={punctualityCsvUrl(loaded.from, loaded.to)}
            download
            data-testid="punctuality-csv"
          >
            {t('punctuality.csv')}
          </a>
        )}
        <span className="punctuality-notice">{t('punctuality.timeZone')}</span>
      </form>
      {typeof period === 'string' && (
        <p className="punctuality-error" role="alert" data-testid="punctuality-problem">
          {t(`punctuality.problem.${period}`)}
        </p>
      )}
      {loaded.kind === 'loading' && <p className="punctuality-notice">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p className="punctuality-error" role="alert" data-testid="punctuality-failed">
          {t('punctuality.failed', { reason: loaded.reason })}
        </p>
      )}
      {loaded.kind === 'loaded' && !loaded.report.overall && (
        <p className="punctuality-notice" data-testid="punctuality-empty">
          {t('punctuality.empty')}
        </p>
      )}
      {loaded.kind === 'loaded' && loaded.report.overall && (
        <>
          <dl className="punctuality-summary" data-testid="punctuality-summary">
            <div>
              <dt>{t('punctuality.calls')}</dt>
              <dd>{count(loaded.report.overall.calls)}</dd>
            </div>
            <div>
              <dt>{t('punctuality.onTime')}</dt>
              <dd data-testid="punctuality-on-time">{pct(loaded.report.overall.onTimePct)}</dd>
            </div>
            <div>
              <dt>{t('punctuality.early')}</dt>
              <dd>{pct(loaded.report.overall.earlyPct)}</dd>
            </div>
            <div>
              <dt>{t('punctuality.late')}</dt>
              <dd>{pct(loaded.report.overall.latePct)}</dd>
            </div>
            <div>
              <dt>{t('punctuality.medianDelay')}</dt>
              <dd>{minutes(loaded.report.overall.medianDelayS)}</dd>
            </div>
          </dl>
          <h3>{t('punctuality.byRoute')}</h3>
          <FiguresTable
            testId="punctuality-routes"
            firstHead={t('punctuality.route')}
            rows={loaded.report.routes.map((r) => ({
              key: `${r.feedId}|${r.routeId}`,
              label: [r.shortName, r.longName].filter(Boolean).join(' · ') || r.routeId,
              figures: r,
            }))}
          />
          <h3>{t('punctuality.byHour')}</h3>
          <FiguresTable
            testId="punctuality-hours"
            firstHead={t('punctuality.hour')}
            rows={loaded.report.hours.map((h) => {
              const hour = String(h.hour).padStart(2, '0');
              return { key: hour, label: `${hour}:00–${hour}:59`, figures: h };
            })}
          />
        </>
      )}
    </main>
  );
}
