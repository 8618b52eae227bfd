// The day's alarms at a glance: headline figures (open, time to acknowledge, escalated, repeats) and small tables by
// type, status, severity and district, loaded for the chosen Bangkok day.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '@toc/server/schemas';
import { fetchShiftSummary } from '../api/shift.api';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { eventStatusKey, eventTypeKey, severityKey } from '../format/labels';
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';
import { waitText } from './wait-time';

type Loaded =
  { kind: 'loading' } | { kind: 'loaded'; summary: ShiftSummary } | { kind: 'failed'; failure: Failure };

interface CountRow {
  key: string;
  label: string;
}

function CountTable({
  testId,
  head,
  rows,
  language,
}: {
  testId: string;
  head: string;
  rows: (CountRow & { count: number })[];
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <table className="shift-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{head}</th>
          <th>{t('shift.summary.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <td>{row.label}</td>
            <td>{formatNumber(row.count, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `reload` changes when the same day should be asked again (the Today button on today). */
export function ShiftSummaryPanel({ day, reload }: { day: string; reload: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ kind: 'loading' });
    fetchShiftSummary(day, abort.signal).then(
      (summary) => setLoaded({ kind: 'loaded', summary }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ kind: 'failed', failure: failureOf(error, 'shift.offline') });
      },
    );
    return () => abort.abort();
  }, [day, reload]);

  const count = (n: number) => formatNumber(n, language);
  const wait = (seconds: number | null) => {
    if (seconds === null) return t('shift.summary.none');
    const text = waitText(seconds);
    switch (text.key) {
      case 'shift.wait.seconds':
        return t(text.key, text.values);
      case 'shift.wait.minutes':
        return t(text.key, text.values);
      case 'shift.wait.hours':
        return t(text.key, text.values);
    }
  };

  return (
    <section className="shift-summary" data-testid="shift-summary" aria-busy={loaded.kind === 'loading'}>
      <h3>{t('shift.summary.title')}</h3>
      {loaded.kind === 'loading' && <p className="shift-notice">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p className="shift-error" role="alert" data-testid="shift-summary-failed">
          {t('shift.summary.failed', { reason: failureText(loaded.failure, t, language) })}
        </p>
      )}
      {loaded.kind === 'loaded' && (
        <>
          <dl className="shift-figures" data-testid="shift-figures" data-day={loaded.summary.day}>
            <div>
              <dt>{t('shift.summary.total')}</dt>
              <dd data-testid="shift-total">{count(loaded.summary.total)}</dd>
            </div>
            <div className={loaded.summary.unacknowledged > 0 ? 'attention' : undefined}>
              <dt>{t('shift.summary.unacknowledged')}</dt>
              <dd data-testid="shift-unacknowledged">{count(loaded.summary.unacknowledged)}</dd>
            </div>
            <div>
              <dt>{t('shift.summary.meanAck')}</dt>
              <dd data-testid="shift-mean-ack">{wait(loaded.summary.meanAckS)}</dd>
              <dd className="shift-figure-note">
                {t('shift.summary.acknowledged', { n: count(loaded.summary.acknowledged) })}
              </dd>
            </div>
            <div>
              <dt>{t('shift.summary.medianAck')}</dt>
              <dd data-testid="shift-median-ack">{wait(loaded.summary.medianAckS)}</dd>
            </div>
            <div>
              <dt>{t('shift.summary.escalated')}</dt>
              <dd data-testid="shift-escalated">{count(loaded.summary.escalated)}</dd>
            </div>
            <div>
              <dt>{t('shift.summary.repeats')}</dt>
              <dd data-testid="shift-repeats">{count(loaded.summary.repeatsFolded)}</dd>
            </div>
          </dl>
          {loaded.summary.total === 0 ? (
            <p className="shift-notice" data-testid="shift-summary-empty">
              {t('shift.summary.empty')}
            </p>
          ) : (
            <div className="shift-tables">
              <CountTable
                testId="shift-by-type"
                head={t('shift.summary.byType')}
                language={language}
                rows={loaded.summary.byType.map((r) => ({
                  key: r.type,
                  label: t(eventTypeKey(r.type)),
                  count: r.count,
                }))}
              />
              <CountTable
                testId="shift-by-status"
                head={t('shift.summary.byStatus')}
                language={language}
                rows={loaded.summary.byStatus.map((r) => ({
                  key: r.status,
                  label: t(eventStatusKey(r.status)),
                  count: r.count,
                }))}
              />
              <CountTable
                testId="shift-by-severity"
                head={t('shift.summary.bySeverity')}
                language={language}
                rows={loaded.summary.bySeverity.map((r) => ({
                  key: r.severity,
                  label: t(severityKey(r.severity)),
                  count: r.count,
                }))}
              />
              <CountTable
                testId="shift-by-district"
                head={t('shift.summary.byDistrict')}
                language={language}
                rows={loaded.summary.byDistrict.map((r) => ({
                  key: r.district ?? '',
                  label:
                    (language === 'th' ? (r.districtTh ?? r.district) : (r.district ?? r.districtTh)) ??
                    t('shift.summary.noDistrict'),
                  count: r.count,
                }))}
              />
            </div>
          )}
          <p className="shift-notice">{t('shift.summary.note')}</p>
        </>
      )}
    </section>
  );
}
