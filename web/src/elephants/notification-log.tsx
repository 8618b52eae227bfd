// A notification log table: when, channel, audience, where it went, the result, attempts and the error if any.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationLogEntry } from '@toc/server/schemas';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { audienceKey, channelKey } from './elephant-labels';
import type { LogState } from './use-notification-log';

interface NotificationLogProps {
  testId: string;
  title: string;
  emptyText: string;
  entries: readonly NotificationLogEntry[];
  state: LogState;
  /** The overall log names the event each delivery was for. */
  showEvent?: boolean;
  maxRows?: number;
  /** Says why the log looks as it does (who could be told); shown once loaded, in place of `emptyText`. */
  note?: ReactNode;
  onRefresh: () => void;
}

export function NotificationLog({ testId, title, emptyText, entries, state, showEvent = false, maxRows, note, onRefresh }: NotificationLogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = maxRows === undefined ? entries : entries.slice(0, maxRows);
  const label = (key: ReturnType<typeof channelKey>, raw: string) => (key ? t(key) : raw);

  return (
    <section className="elephant-subsection notification-log" data-testid={testId} data-state={state}>
      <div className="detail-header">
        <h3 className="detail-subtitle">{title}</h3>
        <button type="button" className="button ghost small" onClick={onRefresh}>
          {t('elephants.log.refresh')}
        </button>
      </div>
      {state === 'failed' && <p className="panel-note error">{t('elephants.log.loadFailed')}</p>}
      {state === 'loading' && <p className="panel-note">{t('common.loading')}</p>}
      {state === 'ready' && note}
      {state === 'ready' && rows.length === 0 && !note && <p className="panel-note">{emptyText}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="elephant-table log-table">
            <thead>
              <tr>
                <th scope="col">{t('elephants.log.time')}</th>
                {showEvent && <th scope="col">{t('elephants.log.event')}</th>}
                <th scope="col">{t('elephants.log.channel')}</th>
                <th scope="col">{t('elephants.log.audience')}</th>
                <th scope="col">{t('elephants.log.target')}</th>
                <th scope="col">{t('elephants.log.status')}</th>
                <th scope="col" className="numeric">
                  {t('elephants.log.attempts')}
                </th>
                <th scope="col">{t('elephants.log.error')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <tr key={entry.id} data-testid="log-entry" data-ok={entry.ok} data-target={entry.target} data-event-id={entry.eventId}>
                  <td>{formatDateTime(entry.sentAt, language)}</td>
                  {showEvent && <td>#{entry.eventId}</td>}
                  <td>{label(channelKey(entry.channel), entry.channel)}</td>
                  <td>{label(audienceKey(entry.audience), entry.audience ?? '')}</td>
                  <td className="log-target">{entry.target}</td>
                  <td className={entry.ok ? 'log-ok' : 'log-failed'}>
                    {entry.ok ? t('elephants.log.delivered') : t('elephants.log.failed')}
                    {entry.status !== null && ` (${t('elephants.log.httpStatus', { status: entry.status })})`}
                  </td>
                  <td className="numeric">{formatNumber(entry.attempts, language)}</td>
                  <td className="log-error">{entry.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
