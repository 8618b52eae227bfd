// Operator page: the full-screen live map with the camera-health and latest-events side panel.
import { useCallback, useState } from 'react';
import type { Event, Role } from '@toc/server/schemas';
import type { EventActionName } from '../api/events.api';
import { canActOnEvents } from '../auth/permissions';
import { CameraHealth } from '../components/camera-health';
import { EventList } from '../components/event-list';
import { appConfig } from '../config/app.config';
import { useLanguage } from '../i18n/use-language';
import { MapView, type MapFocus } from '../map/map-view';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';

const LIST_ITEMS = 100;

export default function OperatorPage({ role }: { role: Role }) {
  const live = useLiveData();
  const language = useLanguage();
  const events = useStore(live.events);
  const cameras = useStore(live.cameras);
  const loadStatus = useStore(live.loadStatus);
  const [focus, setFocus] = useState<MapFocus | null>(null);

  const onAction = useCallback((event: Event, action: EventActionName) => live.act(event.id, action), [live]);
  const onSelect = useCallback((event: Event) => {
    if (event.location) setFocus({ location: event.location, key: Date.now() });
  }, []);

  return (
    <div className="operator-page">
      <MapView config={appConfig.map} language={language} cameras={cameras.list} events={events.list} focus={focus} />
      <aside className="side-panel">
        <CameraHealth cameras={cameras.list} loadState={loadStatus.cameras} />
        <EventList
          events={events.list}
          cameras={cameras.byId}
          loadState={loadStatus.events}
          canAct={canActOnEvents(role)}
          maxItems={LIST_ITEMS}
          onAction={onAction}
          onSelect={onSelect}
        />
      </aside>
    </div>
  );
}
