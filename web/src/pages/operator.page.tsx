// Operator page: the full-screen live map with the camera-health and latest-events side panel.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Role } from '@toc/server/schemas';
import type { EventActionName } from '../api/events.api';
import { canActOnEvents, canWatchLiveVideo } from '../auth/permissions';
import { AreaCameras } from '../components/area-cameras';
import { CameraHealth } from '../components/camera-health';
import { AlarmFilters } from '../components/alarm-filters';
import { EventDetail } from '../components/event-detail';
import { EventList } from '../components/event-list';
import { DEFAULT_ALARM_FILTER, filterAlarms, unacknowledgedCount, unacknowledgedCriticalCount, type AlarmFilter } from '../format/alarm-filter';
import { appConfig } from '../config/app.config';
import { useLanguage } from '../i18n/use-language';
import type { MapFocus } from '../map/map-view';
import { OperatorMap } from '../map/operator-map';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { useDistricts } from '../state/use-districts';
import { useElephantPaths } from '../state/use-elephant-paths';
import { useAlarmShortcuts } from './use-alarm-shortcuts';
import { useSession } from '../auth/session.context';
import { useAlarmSound } from '../alarms/use-alarm-sound';
import { SoundSwitch } from '../alarms/sound-switch';
import { CameraPanel } from '../components/camera-panel';

const LIST_ITEMS = 100;

export default function OperatorPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const live = useLiveData();
  const language = useLanguage();
  const events = useStore(live.events);
  const cameras = useStore(live.cameras);
  const loadStatus = useStore(live.loadStatus);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const elephantPaths = useElephantPaths(events.list);
  const [filter, setFilter] = useState<AlarmFilter>(DEFAULT_ALARM_FILTER);
  const [openId, setOpenId] = useState<number | null>(null);
  const [cameraId, setCameraId] = useState<number | null>(null);
  const districts = useDistricts();
  const alarms = useMemo(() => filterAlarms(events.list, filter, districts?.districtOf), [events.list, filter, districts]);
  const unacknowledged = useMemo(() => unacknowledgedCount(events.list), [events.list]);
  const unacknowledgedCritical = useMemo(() => unacknowledgedCriticalCount(events.list), [events.list]);
  // The open event is read from the live store, so the detail follows its changes from any operator.
  const opened = openId === null ? undefined : events.list.find((e) => e.id === openId);
  const areaCentre = useMemo(
    () => opened?.location ?? { lon: appConfig.map.center[0], lat: appConfig.map.center[1] },
    [opened?.location],
  );

  const onAction = useCallback(
    (event: Event, action: EventActionName, note?: string) => live.act(event.id, action, note),
    [live],
  );
  const onSelect = useCallback((event: Event) => {
    if (event.location) setFocus({ location: event.location, key: Date.now() });
  }, []);
  const onOpen = useCallback(
    (event: Event) => {
      setOpenId(event.id);
      setCameraId(null);
      onSelect(event);
    },
    [onSelect],
  );
  const onClose = useCallback(() => setOpenId(null), []);
  // From the map: an alarm marker opens the alarm (without moving the map under the pointer), a camera its panel.
  const onMapEvent = useCallback((id: number) => {
    setOpenId(id);
    setCameraId(null);
  }, []);
  const onMapCamera = useCallback((id: number) => {
    setCameraId(id);
    setOpenId(null);
  }, []);
  const clickedCamera = cameraId === null ? undefined : cameras.byId.get(cameraId);
  const acknowledge = useMemo(
    () => (canActOnEvents(role) ? (event: Event) => void live.act(event.id, 'acknowledge').catch(() => undefined) : null),
    [live, role],
  );
  useAlarmShortcuts({ alarms, openId, open: onOpen, close: onClose, acknowledge });
  const { state: session } = useSession();
  // Every waiting alarm sounds, whatever the list's filters hide: a filter is for reading, not for not hearing.
  const sound = useAlarmSound(events.list, session.status === 'signed-in' ? session.user.username : '');

  return (
    <div className="operator-page">
      <OperatorMap
        role={role}
        language={language}
        cameras={cameras.list}
        events={events.list}
        elephantPaths={elephantPaths}
        focus={focus}
        openedEvent={opened ?? null}
        onOpenEvent={onMapEvent}
        onOpenCamera={onMapCamera}
      />
      <aside className="side-panel">
        <CameraHealth cameras={cameras.list} loadState={loadStatus.cameras} />
        {canWatchLiveVideo(role) && (
          // Folded over the alarm list (its room is the alarms'); open beside an opened alarm, where it helps.
          <AreaCameras key={opened ? 'alarm' : 'list'} cameras={cameras.list} around={areaCentre} alarmCameraId={opened?.cameraId ?? null} defaultOpen={opened !== undefined} />
        )}
        {clickedCamera ? (
          <CameraPanel camera={clickedCamera} events={events.list} role={role} onClose={() => setCameraId(null)} onOpenEvent={onOpen} />
        ) : opened ? (
          <EventDetail
            event={opened}
            camera={opened.cameraId === null ? undefined : cameras.byId.get(opened.cameraId)}
            role={role}
            onAction={onAction}
            onClose={onClose}
          />
        ) : (
          <EventList
            events={alarms}
            cameras={cameras.byId}
            loadState={loadStatus.events}
            canAct={canActOnEvents(role)}
            maxItems={LIST_ITEMS}
            onAction={onAction}
            onOpen={onOpen}
            hiddenByFilters={events.list.length > 0}
            onResetFilters={() => setFilter(DEFAULT_ALARM_FILTER)}
          >
            <AlarmFilters filter={filter} unacknowledged={unacknowledged} unacknowledgedCritical={unacknowledgedCritical} districts={districts?.districts ?? []} onChange={setFilter} />
            <div className="alarm-list-tools">
              <SoundSwitch sound={sound} />
              <span className="shortcuts-hint" title={t('alarms.shortcuts')} aria-label={t('alarms.shortcuts')} tabIndex={0} data-testid="alarm-shortcuts">
                {t('alarms.keys')}
              </span>
            </div>
          </EventList>
        )}
      </aside>
    </div>
  );
}
