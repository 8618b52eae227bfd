// The footage finder of a request: a map of the place and the proposed cameras beside their ranked list (still,
// coverage, events), and, for whoever may pick, the checkboxes, trims and "Save cameras".
import './footage-finder.css';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest, NearEvent } from '@toc/server/schemas';
import { failureOf, failureText } from '../account/api-failure';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { FinderCameraRow } from './finder-camera-row';
import { FinderMap } from './finder-map';
import { FinderSaveBar } from './finder-save-bar';
import { OtherPicked } from './other-picked';
import { trimBounds, windowOf } from './pick-draft';
import { useFinder } from './use-finder';
import { usePicks } from './use-picks';

export interface FinderPanelProps {
  requestId: number;
  request: FootageRequest;
  /** The requester or a reviewer, while the request still takes cameras. */
  canPick: boolean;
  onPicked: (request: FootageRequest) => void;
}

const NO_EVENTS: readonly NearEvent[] = [];

export function FinderPanel({ requestId, request, canPick, onPicked }: FinderPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dependsOn = `${request.place.lon},${request.place.lat},${request.placeRadiusM},${request.from},${request.to}`;
  const { search, error, loading, reload } = useFinder(requestId, dependsOn);
  const [hovered, setHovered] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const picking = usePicks(requestId, request, onPicked);
  const window = windowOf(request);
  const bounds = trimBounds(window);

  const eventsOf = useMemo(() => {
    const byId = new Map((search?.events ?? []).map((event) => [event.id, event]));
    return (ids: readonly number[]) => {
      const found = ids.map((id) => byId.get(id)).filter((e): e is NearEvent => e !== undefined);
      return found.length > 0 ? found : NO_EVENTS;
    };
  }, [search]);

  const nameOf = useCallback(
    (cameraId: number) => {
      const camera =
        search?.cameras.find((c) => c.cameraId === cameraId) ??
        request.cameras.find((c) => c.cameraId === cameraId);
      if (!camera) return t('finder.cameraFallback', { id: cameraId });
      return language === 'th' ? camera.nameTh : camera.name;
    },
    [search, request.cameras, language, t],
  );

  const select = useCallback(
    (cameraId: number) => setSelected((s) => (s === cameraId ? null : cameraId)),
    [],
  );
  const proposed = new Set(search?.cameras.map((c) => c.cameraId));
  const others = search ? request.cameras.filter((c) => !proposed.has(c.cameraId)) : [];

  return (
    <section
      className="panel-surface finder-panel"
      data-testid="finder-panel"
      data-state={search ? 'ready' : error ? 'failed' : 'loading'}
      data-can-pick={canPick}
    >
      <header className="finder-header">
        <h3>{t('finder.title')}</h3>
        <span className="finder-window">
          {t('finder.window', {
            from: formatDateTime(new Date(window.from), language),
            to: formatDateTime(new Date(window.to), language),
          })}
        </span>
      </header>
      <p className="panel-note">{t('finder.intro')}</p>
      {error !== null && (
        <p className="alert-box" role="alert" data-testid="finder-error">
          {t('finder.failed', { reason: failureText(failureOf(error, 'finder.failedUnknown'), t, language) })}{' '}
          <button type="button" className="button secondary compact" onClick={reload} disabled={loading}>
            {t('finder.retry')}
          </button>
        </p>
      )}
      {search === null && loading && <p className="page-loading">{t('finder.loading')}</p>}
      {search && (
        <div className="finder-layout">
          <FinderMap
            search={search}
            language={language}
            hovered={hovered}
            selected={selected}
            onHover={setHovered}
            onSelect={select}
          />
          <div className="finder-list-column">
            {search.cameras.length === 0 ? (
              <p className="panel-note" data-testid="finder-none">
                {t('finder.none')}
              </p>
            ) : (
              <ol className="finder-list" aria-label={t('finder.list')}>
                {search.cameras.map((camera) => (
                  <FinderCameraRow
                    key={camera.cameraId}
                    requestId={requestId}
                    camera={camera}
                    window={window}
                    events={eventsOf(camera.eventIds)}
                    lit={hovered === camera.cameraId}
                    selected={selected === camera.cameraId}
                    canPick={canPick}
                    trim={picking.picks.get(camera.cameraId)}
                    bounds={bounds}
                    onHover={setHovered}
                    onSelect={select}
                    onToggle={picking.toggle}
                    onTrim={picking.trim}
                  />
                ))}
              </ol>
            )}
            {canPick && (
              <OtherPicked
                cameras={others}
                picks={picking.picks}
                bounds={bounds}
                nameOf={nameOf}
                onToggle={picking.toggle}
                onTrim={picking.trim}
              />
            )}
          </div>
        </div>
      )}
      {canPick && search && <FinderSaveBar picking={picking} window={window} nameOf={nameOf} />}
    </section>
  );
}
