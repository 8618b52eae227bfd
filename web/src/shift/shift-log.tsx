// The shift log: a form to add a note or a handover note (optionally about an alarm), and the entries newest first
// with their author and time. Entries are never edited: a correction is a new entry.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SHIFT_LOG_BODY_MAX,
  type ShiftLogEntry,
  type ShiftLogInput,
  type ShiftLogKind,
} from '@toc/server/schemas';
import { addShiftLogEntry, fetchShiftLog } from '../api/shift.api';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { logEndFor } from './shift-day';

const PAGE = 50;
const EVENT_ID = /^[1-9][0-9]{0,9}$/;

type Loaded =
  | { kind: 'loading' }
  | { kind: 'loaded'; entries: ShiftLogEntry[]; total: number; loadingMore: boolean }
  | { kind: 'failed'; failure: Failure };

/** Characters as the server counts them (code points): a Thai vowel mark is one. */
const lengthOf = (text: string) => [...text].length;

function EntryForm({ onAdded }: { onAdded: (entry: ShiftLogEntry) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<ShiftLogKind>('note');
  const [body, setBody] = useState('');
  const [eventId, setEventId] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    if (body.trim() === '') return setFailure({ key: 'shift.log.error.empty' });
    if (eventId.trim() !== '' && !EVENT_ID.test(eventId.trim()))
      return setFailure({ key: 'shift.log.error.eventId' });
    const input: ShiftLogInput = {
      kind,
      body,
      ...(eventId.trim() ? { eventId: Number(eventId.trim()) } : {}),
    };
    setFailure(null);
    setSaving(true);
    try {
      onAdded(await addShiftLogEntry(input));
      setBody('');
      setEventId('');
    } catch (error) {
      setFailure(failureOf(error, 'shift.offline'));
    } finally {
      setSaving(false);
    }
  };

  const reason =
    failure &&
    ('api' in failure
      ? t('shift.log.failed', { reason: failureText(failure, t, language) })
      : failureText(failure, t, language));
  return (
    <form className="shift-log-form" onSubmit={(e) => void submit(e)} data-testid="shift-log-form">
      <fieldset className="shift-log-kinds">
        <legend>{t('shift.log.kind')}</legend>
        {(['note', 'handover'] as const).map((value) => (
          <label key={value} className={kind === value ? 'chosen' : undefined}>
            <input
              type="radio"
              name="shift-log-kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
              data-testid={`shift-log-kind-${value}`}
            />
            {t(`shift.log.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="shift-log-body">
        {t('shift.log.body')}
        <textarea
          value={body}
          rows={4}
          maxLength={SHIFT_LOG_BODY_MAX}
          placeholder={t('shift.log.bodyPlaceholder')}
          onChange={(e) => setBody(e.target.value)}
          data-testid="shift-log-body-input"
        />
        <span className="shift-notice">
          {t('shift.log.chars', {
            n: formatNumber(lengthOf(body), language),
            max: formatNumber(SHIFT_LOG_BODY_MAX, language),
          })}
        </span>
      </label>
      <div className="shift-log-actions">
        <label>
          {t('shift.log.eventId')}
          <input
            type="text"
            inputMode="numeric"
            value={eventId}
            maxLength={10}
            onChange={(e) => setEventId(e.target.value)}
            data-testid="shift-log-event-id"
          />
        </label>
        <button type="submit" className="button primary" disabled={saving} data-testid="shift-log-add">
          {saving ? t('shift.log.adding') : t('shift.log.add')}
        </button>
      </div>
      {reason && (
        <p className="shift-error" role="alert" data-testid="shift-log-error">
          {reason}
        </p>
      )}
    </form>
  );
}

function EntryItem({ entry }: { entry: ShiftLogEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li
      className={`shift-log-entry ${entry.kind}`}
      data-testid="shift-log-entry"
      data-id={entry.id}
      data-kind={entry.kind}
    >
      <div className="shift-log-meta">
        <span className="shift-log-kind">{t(`shift.log.kind.${entry.kind}`)}</span>
        <time dateTime={entry.at} data-testid="shift-log-time">
          {formatDateTime(entry.at, language)}
        </time>
        <span data-testid="shift-log-author">
          {entry.displayName}
          {entry.displayName !== entry.username && <span className="shift-notice"> ({entry.username})</span>}
        </span>
        {entry.eventId !== null && (
          <span className="shift-log-alarm">{t('shift.log.aboutAlarm', { id: entry.eventId })}</span>
        )}
      </div>
      <p className="shift-log-text" data-testid="shift-log-body">
        {entry.body}
      </p>
    </li>
  );
}

/** The log up to the end of `day` (all of it when `day` is today); `onAdded` is told of each new entry. */
export function ShiftLogPanel({
  day,
  today,
  reload,
  onAdded,
}: {
  day: string;
  today: string;
  reload: number;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const to = logEndFor(day, today);

  // Only the latest request may fill the list: a slower earlier answer (another day, an older page) is dropped.
  const inFlight = useRef<AbortController | null>(null);
  const fetchLatest = useCallback(
    (offset: number, shown: (page: { items: ShiftLogEntry[]; total: number }) => void) => {
      inFlight.current?.abort();
      const abort = new AbortController();
      inFlight.current = abort;
      fetchShiftLog({ to, limit: PAGE, offset }, abort.signal).then(shown, (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ kind: 'failed', failure: failureOf(error, 'shift.offline') });
      });
    },
    [to],
  );

  useEffect(() => {
    setLoaded({ kind: 'loading' });
    fetchLatest(0, (page) =>
      setLoaded({ kind: 'loaded', entries: page.items, total: page.total, loadingMore: false }),
    );
    return () => inFlight.current?.abort();
  }, [fetchLatest, reload]);

  const loadOlder = () => {
    if (loaded.kind !== 'loaded') return;
    const current = loaded;
    setLoaded({ ...current, loadingMore: true });
    fetchLatest(current.entries.length, (page) => {
      // An entry written by someone else meanwhile shifts the pages by one: the same entry is not listed twice.
      const known = new Set(current.entries.map((entry) => entry.id));
      const older = page.items.filter((entry) => !known.has(entry.id));
      setLoaded({
        ...current,
        entries: [...current.entries, ...older],
        total: page.total,
        loadingMore: false,
      });
    });
  };

  const added = (entry: ShiftLogEntry) => {
    // On today's list the new entry goes on top; on a past day's, the page turns to today, where it is.
    if (to === undefined && loaded.kind === 'loaded')
      setLoaded({ ...loaded, entries: [entry, ...loaded.entries], total: loaded.total + 1 });
    onAdded();
  };

  return (
    <section className="shift-log" data-testid="shift-log">
      <h3>{t('shift.log.title')}</h3>
      <p className="shift-notice">{t('shift.log.intro')}</p>
      <EntryForm onAdded={added} />
      <p className="shift-notice">{to === undefined ? t('shift.log.latest') : t('shift.log.upTo')}</p>
      {loaded.kind === 'loading' && <p className="shift-notice">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p className="shift-error" role="alert" data-testid="shift-log-failed">
          {t('shift.log.loadFailed', { reason: failureText(loaded.failure, t, language) })}
        </p>
      )}
      {loaded.kind === 'loaded' && loaded.entries.length === 0 && (
        <p className="shift-notice" data-testid="shift-log-empty">
          {t('shift.log.empty')}
        </p>
      )}
      {loaded.kind === 'loaded' && loaded.entries.length > 0 && (
        <>
          <ol className="shift-log-entries" data-testid="shift-log-entries">
            {loaded.entries.map((entry) => (
              <EntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
          <p className="shift-notice">
            {t('shift.log.shown', {
              n: formatNumber(loaded.entries.length, language),
              total: formatNumber(loaded.total, language),
            })}
          </p>
          {loaded.entries.length < loaded.total && (
            <button
              type="button"
              className="button"
              disabled={loaded.loadingMore}
              onClick={loadOlder}
              data-testid="shift-log-more"
            >
              {t('shift.log.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
