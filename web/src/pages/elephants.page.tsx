// Elephant situation: the map of warnings, sightings and paths; the figures; each warning with its places; the
// selected herd's path, snapshot and notification log; the sightings of the day; and the latest notifications.
import '../elephants/elephants.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Role } from '@toc/server/schemas';
import type { EventActionName } from '../api/events.api';
import { canActOnEvents, canSeeFootage } from '../auth/permissions';
import { appConfig, type MapConfig } from '../config/app.config';
import {
  frameSituation,
  mapEvents,
  relevantPaths,
  selectSituation,
  summarizePath,
  warningPathId,
  warningSightingId,
  warningSightingIds,
} from '../elephants/elephant-situation';
import { sightingSource } from '../elephants/elephant-labels';
import { MovementPath } from '../elephants/movement-path';
import { NotificationLog } from '../elephants/notification-log';
import { fetchEventNotifications, fetchRecentNotifications } from '../elephants/notifications.api';
import { NotifyOutcomeNote } from '../elephants/notify-outcome-note';
import { SightingSnapshot } from '../elephants/sighting-snapshot';
import { SightingsList } from '../elephants/sightings-list';
import { SituationSummary } from '../elephants/situation-summary';
import { useElephantEvents } from '../elephants/use-elephant-events';
import { useNotificationLog } from '../elephants/use-notification-log';
import { WarningCard } from '../elephants/warning-card';
import { useLanguage } from '../i18n/use-language';
import { MapView, type MapFocus } from '../map/map-view';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { useElephantPaths } from '../state/use-elephant-paths';
import { warningFrame } from '../elephants/warning-frame';

/** The server gives the notification log to these roles only (it names people's LINE ids and hooks). */
const canReadNotificationLog = (role: Role) => role === 'admin' || role === 'operator';
/** "Current" is re-evaluated at this pace, so a sighting leaves the 24 h window without new data arriving. */
const CLOCK_MS = 60_000;
const RECENT_LOG_ROWS = 20;

type Selection = { kind: 'warning' | 'sighting'; id: number } | null;

function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export default function ElephantsPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const live = useLiveData();
  const cameras = useStore(live.cameras);
  const { events, loadState } = useElephantEvents();
  const now = useMinuteClock();
  const situation = useMemo(() => selectSituation(events, now), [events, now]);
  const eventsById = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const allPaths = useElephantPaths(events);
  const paths = useMemo(() => relevantPaths(allPaths, situation), [allPaths, situation]);
  const shownOnMap = useMemo(() => mapEvents(situation), [situation]);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [selection, setSelection] = useState<Selection>(null);

  // The map opens framed on the warnings once the first load is in; later changes do not move it under the operator.
  const [mapConfig, setMapConfig] = useState<MapConfig | null>(null);
  useEffect(() => {
    if (mapConfig || loadState === 'loading') return;
    const framing = frameSituation(situation);
    setMapConfig(framing ? { ...appConfig.map, center: framing.center, zoom: framing.zoom } : appConfig.map);
  }, [mapConfig, loadState, situation]);

  // The selected warning and its sighting (or a sighting on its own); by default the newest warning.
  const warning =
    selection?.kind === 'warning'
      ? (situation.warnings.find((w) => w.id === selection.id) ?? null)
      : selection?.kind === 'sighting'
        ? (situation.warnings.find((w) => warningSightingIds(w).includes(selection.id)) ?? null)
        : (situation.warnings[0] ?? null);
  const sightingId = selection?.kind === 'sighting' ? selection.id : warning ? warningSightingId(warning) : (situation.sightings[0]?.id ?? null);
  const sighting = sightingId === null ? null : (eventsById.get(sightingId) ?? null);
  const pathId = (warning && warningPathId(warning)) ?? (sighting && warningPathId(sighting));
  const path = useMemo(() => {
    const found = pathId === null ? undefined : allPaths.find((p) => p.id === pathId);
    return found ? summarizePath(found, eventsById) : null;
  }, [pathId, allPaths, eventsById]);

  const mayReadLog = canReadNotificationLog(role);
  const warningId = warning?.id ?? null;
  const loadWarningLog = useMemo(
    () => (mayReadLog && warningId !== null ? (signal: AbortSignal) => fetchEventNotifications(warningId, signal) : null),
    [mayReadLog, warningId],
  );
  const loadRecentLog = useMemo(() => (mayReadLog ? fetchRecentNotifications : null), [mayReadLog]);
  const warningLog = useNotificationLog(loadWarningLog, warning?.seq);
  const recentLog = useNotificationLog(loadRecentLog, situation.warnings.length);

  const onAction = useCallback(
    (event: Event, action: EventActionName, note?: string) => live.act(event.id, action, note),
    [live],
  );
  const showOnMap = useCallback((event: Event) => {
    if (!event.location) return;
    // A warning is shown whole (its circle and the places it names); a sighting is flown to.
    const bounds = event.type === 'elephant.warning' ? (warningFrame(event) ?? undefined) : undefined;
    setFocus({ location: event.location, key: Date.now(), bounds });
  }, []);
  const selectWarning = useCallback((w: Event) => setSelection({ kind: 'warning', id: w.id }), []);
  const selectSighting = useCallback(
    (s: Event) => {
      setSelection({ kind: 'sighting', id: s.id });
      showOnMap(s);
    },
    [showOnMap],
  );

  const quiet = loadState !== 'loading' && situation.sightings.length === 0 && situation.warnings.length === 0;
  const sourceOf = (w: Event) => {
    const s = eventsById.get(warningSightingId(w) ?? -1) ?? w;
    const source = sightingSource(s, cameras.byId, language);
    return t(source.key, { name: source.name });
  };

  return (
    <div className="elephants-page" data-testid="elephants-page" data-role={role}>
      <div className="elephants-map">
        {mapConfig ? (
          <MapView
            config={mapConfig}
            language={language}
            cameras={cameras.list}
            events={shownOnMap}
            elephantPaths={paths}
            focus={focus}
          />
        ) : (
          <p className="page-loading">{t('elephants.loading')}</p>
        )}
      </div>
      <aside className="elephants-panel" aria-label={t('elephants.title')}>
        <section className="panel-section">
          <h2 className="panel-title">{t('elephants.title')}</h2>
          {loadState === 'failed' && <p className="panel-note error">{t('elephants.loadFailed')}</p>}
          {loadState === 'loading' ? <p className="panel-note">{t('elephants.loading')}</p> : <SituationSummary situation={situation} />}
          {quiet && (
            <p className="elephants-empty" data-testid="elephants-empty">
              {t('elephants.empty')}
            </p>
          )}
        </section>

        {situation.warnings.length > 0 && (
          <section className="panel-section" aria-labelledby="elephant-warnings-title">
            <h2 className="panel-title" id="elephant-warnings-title">
              {t('elephants.warnings.title')}
            </h2>
            <ol className="warning-cards" data-testid="warning-list">
              {situation.warnings.map((w) => (
                <WarningCard
                  key={w.id}
                  warning={w}
                  source={sourceOf(w)}
                  selected={w.id === warningId}
                  canAct={canActOnEvents(role)}
                  onAction={onAction}
                  onSelect={selectWarning}
                  onShowOnMap={showOnMap}
                />
              ))}
            </ol>
          </section>
        )}

        {(warning || sighting) && (
          <section className="panel-section" data-testid="selected-herd" data-warning-id={warningId ?? undefined} data-sighting-id={sightingId ?? undefined}>
            <MovementPath path={path} cameras={cameras.byId} />
            <SightingSnapshot sighting={sighting} mayView={canSeeFootage(role)} />
            {warning &&
              (mayReadLog ? (
                <NotificationLog
                  testId="warning-notifications"
                  title={t('elephants.log.title')}
                  emptyText={t('elephants.log.empty')}
                  entries={warningLog.entries}
                  state={warningLog.state}
                  note={<NotifyOutcomeNote warning={warning} entries={warningLog.entries} role={role} now={now} />}
                  onRefresh={warningLog.refresh}
                />
              ) : (
                <p className="panel-note">{t('elephants.log.restricted')}</p>
              ))}
          </section>
        )}

        {!quiet && <SightingsList sightings={situation.sightings} cameras={cameras.byId} selectedId={sightingId} onSelect={selectSighting} />}

        {mayReadLog && (
          <section className="panel-section">
            <NotificationLog
              testId="recent-notifications"
              title={t('elephants.log.recentTitle')}
              emptyText={t('elephants.log.recentEmpty')}
              entries={recentLog.entries}
              state={recentLog.state}
              showEvent
              maxRows={RECENT_LOG_ROWS}
              onRefresh={recentLog.refresh}
            />
          </section>
        )}
      </aside>
    </div>
  );
}
