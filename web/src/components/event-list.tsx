// The side panel's alarm list: filters above, compact rows in priority order, scrolling on its own.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, Event } from '@toc/server/schemas';
import type { EventActionName } from '../api/events.api';
import type { LoadState } from '../state/load-status.store';
import { useNow } from '../state/use-now';
import { EventItem } from './event-item';

interface EventListProps {
  events: readonly Event[];
  cameras: ReadonlyMap<number, Camera>;
  loadState: LoadState;
  canAct: boolean;
  maxItems: number;
  onAction: (event: Event, action: EventActionName) => Promise<unknown>;
  onOpen: (event: Event) => void;
  /** Shown under the title: the alarm filters. */
  children?: ReactNode;
  /** There are events, but the filters hide every one: say so, with a way back to the default filters. */
  hiddenByFilters?: boolean;
  onResetFilters?: () => void;
}

export function EventList({ events, cameras, loadState, canAct, maxItems, onAction, onOpen, children, hiddenByFilters, onResetFilters }: EventListProps) {
  const { t } = useTranslation();
  const shown = events.slice(0, maxItems);
  const now = useNow(60_000);
  return (
    <section className="panel-section event-section">
      <h2 className="panel-title">{t('events.title')}</h2>
      {children}
      {loadState === 'failed' && <p className="panel-note error">{t('events.loadFailed')}</p>}
      {loadState === 'loading' && shown.length === 0 && <p className="panel-note">{t('common.loading')}</p>}
      {loadState === 'ready' && shown.length === 0 && !hiddenByFilters && <p className="panel-note">{t('events.empty')}</p>}
      {loadState === 'ready' && shown.length === 0 && hiddenByFilters && (
        <p className="panel-note" data-testid="alarms-filtered-out">
          {t('alarms.noneMatch')}{' '}
          {onResetFilters && (
            <button type="button" className="button ghost" onClick={onResetFilters} data-testid="alarm-filter-reset">
              {t('alarms.resetFilters')}
            </button>
          )}
        </p>
      )}
      <ol className="event-list" data-testid="event-list" aria-live="polite">
        {shown.map((event) => (
          <EventItem
            key={event.id}
            event={event}
            camera={event.cameraId === null ? undefined : cameras.get(event.cameraId)}
            canAct={canAct}
            onAction={onAction}
            onOpen={onOpen}
            now={now}
          />
        ))}
      </ol>
    </section>
  );
}
