// The audit log for administrators: filter by user, action and Bangkok days, read the rows newest first, page back to
// older ones, and download the same rows as CSV.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage, AuditQuery, AuditRecord } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { auditCsvUrl, fetchAudit } from './audit.api';
import { auditQueryOf, defaultFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import './audit.css';

/** Prefixes an administrator looks for most: footage views first. */
const ACTION_SUGGESTIONS = [
  'camera.live.view',
  'camera.still.view',
  'snapshot.view',
  'recording.playback',
  'recording.still.view',
  'evidence-hold.',
  'evidence-package.download',
  'footage-request.',
  'camera.recording.update',
  'vehicle.',
  'notification-target.',
  'auth.',
  'user.',
  'camera.',
  'audit.export',
];

type Loaded =
  | { kind: 'loading' }
  | {
      kind: 'loaded';
      query: AuditQuery;
      rows: AuditRecord[];
      nextBefore: number | null;
      loadingMore: boolean;
    }
  | { kind: 'failed'; reason: string };

export default function AuditLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filters, setFilters] = useState(() => defaultFilters(new Date()));
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const query = auditQueryOf(filters);

  const failed = useCallback(
    (error: unknown) => ({
      kind: 'failed' as const,
      reason: error instanceof ApiError ? error.localizedMessage(language) : t('audit.offline'),
    }),
    [language, t],
  );

  // Only the latest request may fill the table: a slower earlier answer (the first load, an older page) is dropped.
  const inFlight = useRef<AbortController | null>(null);
  const fetchLatest = useCallback(
    (next: AuditQuery, shown: (page: AuditPage) => void) => {
      inFlight.current?.abort();
      const abort = new AbortController();
      inFlight.current = abort;
      fetchAudit(next, abort.signal).then(shown, (error: unknown) => {
        if (!abort.signal.aborted) setLoaded(failed(error));
      });
    },
    [failed],
  );

  const load = useCallback(
    (next: AuditQuery) => {
      setLoaded({ kind: 'loading' });
      fetchLatest(next, (page) =>
        setLoaded({
          kind: 'loaded',
          query: next,
          rows: page.items,
          nextBefore: page.nextBefore,
          loadingMore: false,
        }),
      );
    },
    [fetchLatest],
  );

  // The last week at once; other filters on request.
  useEffect(() => {
    const first = auditQueryOf(defaultFilters(new Date()));
    if (typeof first !== 'string') load(first);
    return () => inFlight.current?.abort();
    // Only on opening the page.
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof query !== 'string') load(query);
  };

  const loadOlder = () => {
    if (loaded.kind !== 'loaded' || loaded.nextBefore === null) return;
    const current = loaded;
    const before = loaded.nextBefore;
    setLoaded({ ...current, loadingMore: true });
    fetchLatest({ ...current.query, before }, (page) =>
      setLoaded({
        ...current,
        rows: [...current.rows, ...page.items],
        nextBefore: page.nextBefore,
        loadingMore: false,
      }),
    );
  };

  return (
    <main className="audit-page" data-testid="audit-page">
      <h2>{t('audit.title')}</h2>
      <p className="audit-intro">{t('audit.intro')}</p>
      <form className="audit-form" onSubmit={submit}>
        <label>
          {t('audit.user')}
          <input
            type="text"
            value={filters.user}
            placeholder={t('audit.userPlaceholder')}
            onChange={(e) => setFilters({ ...filters, user: e.target.value })}
            maxLength={100}
            data-testid="audit-filter-user"
          />
        </label>
        <label>
          {t('audit.action')}
          <input
            type="text"
            list="audit-actions"
            value={filters.action}
            placeholder={t('audit.actionPlaceholder')}
            onChange={(e) => setFilters({ ...filters, action: e.target.value })}
            maxLength={100}
            data-testid="audit-filter-action"
          />
          <datalist id="audit-actions">
            {ACTION_SUGGESTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </label>
        <label>
          {t('audit.firstDay')}
          <input
            type="date"
            value={filters.firstDay}
            onChange={(e) => setFilters({ ...filters, firstDay: e.target.value })}
            data-testid="audit-first-day"
          />
        </label>
        <label>
          {t('audit.lastDay')}
          <input
            type="date"
            value={filters.lastDay}
            onChange={(e) => setFilters({ ...filters, lastDay: e.target.value })}
            data-testid="audit-last-day"
          />
        </label>
        <button
          type="submit"
          className="button primary"
          disabled={typeof query === 'string'}
          data-testid="audit-show"
        >
          {t('audit.show')}
        </button>
        {loaded.kind === 'loaded' && (
          <a className="button" href={auditCsvUrl(loaded.query)} download data-testid="audit-csv">
            {t('audit.csv')}
          </a>
        )}
        <span className="audit-notice">{t('audit.timeZone')}</span>
      </form>
      {typeof query === 'string' && (
        <p className="audit-error" role="alert" data-testid="audit-problem">
          {t(`audit.problem.${query}`)}
        </p>
      )}
      {loaded.kind === 'loading' && <p className="audit-notice">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p className="audit-error" role="alert" data-testid="audit-failed">
          {t('audit.failed', { reason: loaded.reason })}
        </p>
      )}
      {loaded.kind === 'loaded' && loaded.rows.length === 0 && (
        <p className="audit-notice" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      )}
      {loaded.kind === 'loaded' && loaded.rows.length > 0 && (
        <>
          <p className="audit-notice" data-testid="audit-shown">
            {t('audit.shown', { n: formatNumber(loaded.rows.length, language) })}
          </p>
          <AuditTable rows={loaded.rows} />
          {loaded.nextBefore !== null && (
            <button
              type="button"
              className="button audit-more"
              disabled={loaded.loadingMore}
              onClick={loadOlder}
              data-testid="audit-more"
            >
              {t('audit.more')}
            </button>
          )}
        </>
      )}
      <p className="audit-notice">{t('audit.verifyHint')}</p>
    </main>
  );
}
