// The operator's map: MapView with every live layer, the tools over it, and the feeds those layers need
// (tracked objects only while their layer is on, so the server sends nothing nobody looks at).
import { useCallback, useEffect, useState } from 'react';
import type { Camera, ElephantPath, Event } from '@toc/server/schemas';
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
import { MapView, type MapFocus } from './map-view';

interface OperatorMapProps {
  language: Language;
  cameras: readonly Camera[];
  events: readonly Event[];
  elephantPaths: readonly ElephantPath[];
  focus: MapFocus | null;
  openedEvent?: Event | null;
  onOpenEvent: (eventId: number) => void;
  onOpenCamera: (cameraId: number) => void;
}

export function OperatorMap({ language, cameras, events, elephantPaths, focus, openedEvent = null, onOpenEvent, onOpenCamera }: OperatorMapProps) {
  const live = useLiveData();
  const [visibility, setLayer] = useLayerVisibility();
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
        groups={LAYER_GROUPS}
        visibility={visibility}
        onLayerChange={setLayer}
        objects={live.trackedObjects}
        buses={live.buses}
        onOpenBusHistory={() => openReplay(null)}
      />
      <MapClicks onEvent={onOpenEvent} onCamera={onOpenCamera} />
      <BusesOnMap visible={visibility.buses} onReplay={openReplay} />
      {replay && <BusReplayPanel vehicleId={replay.vehicleId} onClose={() => setReplay(null)} />}
    </MapView>
  );
}
