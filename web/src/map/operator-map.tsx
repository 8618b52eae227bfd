// The operator's map: MapView with every live layer, the tools over it, and the feeds those layers need
// (tracked objects only while their layer is on, so the server sends nothing nobody looks at).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Camera, ElephantPath, Event, Role } from '@toc/server/schemas';
import { canSeeLiveCrashes } from '../auth/permissions';
import { appConfig } from '../config/app.config';
import { BusReplayPanel } from '../buses/bus-replay-panel';
import { BusesOnMap } from '../buses/buses-on-map';
import type { Language } from '../i18n/i18n';
import { useLiveData } from '../state/live-data.context';
import { MapClicks } from './controls/map-clicks';
import { MapTools } from './controls/map-tools';
import { useLayerVisibility } from './controls/use-layer-visibility';
import { useCrowdZones } from './data/use-crowd-zones';
import { useVillages } from './data/use-villages';
import { LAYER_GROUPS } from './layer-groups';
import { LiveCrashesOnMap } from './live-crashes-on-map';
import { MapView, type MapFocus } from './map-view';

interface OperatorMapProps {
  role: Role;
  language: Language;
  cameras: readonly Camera[];
  events: readonly Event[];
  elephantPaths: readonly ElephantPath[];
  focus: MapFocus | null;
  openedEvent?: Event | null;
  onOpenEvent: (eventId: number) => void;
  onOpenCamera: (cameraId: number) => void;
}

export function OperatorMap({ role, language, cameras, events, elephantPaths, focus, openedEvent = null, onOpenEvent, onOpenCamera }: OperatorMapProps) {
  const live = useLiveData();
  const [stored, setLayer] = useLayerVisibility();
  // A role that may not read the crash layer (police) gets neither its switch nor its data.
  const crashesAllowed = canSeeLiveCrashes(role);
  const groups = useMemo(() => (crashesAllowed ? LAYER_GROUPS : LAYER_GROUPS.filter((g) => g !== 'crashes24h')), [crashesAllowed]);
  const visibility = useMemo(() => (crashesAllowed ? stored : { ...stored, crashes24h: false }), [crashesAllowed, stored]);
  const crowdZones = useCrowdZones(visibility.crowd, events);
  const villages = useVillages();
  // The bus history panel, opened for a bus (from its popup) or to choose one (null).
  const [replay, setReplay] = useState<{ vehicleId: number | null } | null>(null);
  const openReplay = useCallback((vehicleId: number | null) => setReplay({ vehicleId }), []);

  useEffect(() => {
    live.realtime.watchObjects(visibility.objects);
    if (!visibility.objects) live.trackedObjects.clear();
    return () => {
      live.realtime.watchObjects(false);
      live.trackedObjects.clear();
    };
  }, [live, visibility.objects]);

  return (
    <MapView
      config={appConfig.map}
      language={language}
      cameras={cameras}
      events={events}
      elephantPaths={elephantPaths}
      focus={focus}
      openedEvent={openedEvent}
      trackedObjects={live.trackedObjects}
      crowdZones={crowdZones}
      layers={visibility}
    >
      <MapTools
        cameras={cameras}
        villages={villages}
        language={language}
        groups={groups}
        visibility={visibility}
        onLayerChange={setLayer}
        objects={live.trackedObjects}
        buses={live.buses}
        onOpenBusHistory={() => openReplay(null)}
      />
      <MapClicks onEvent={onOpenEvent} onCamera={onOpenCamera} />
      <BusesOnMap visible={visibility.buses} onReplay={openReplay} />
      {crashesAllowed && <LiveCrashesOnMap visible={visibility.crashes24h} events={events} />}
      {replay && <BusReplayPanel vehicleId={replay.vehicleId} onClose={() => setReplay(null)} />}
    </MapView>
  );
}
