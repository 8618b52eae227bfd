// Clicks on the map's markers: an alarm opens the alarm, a camera opens its live view and health. Alarms are on
// top of cameras, and a click on both takes the alarm.
import { useEffect } from 'react';
import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { useMapContext } from '../map-context';
import { CAMERAS_ICON_ID, CAMERAS_LAYER_ID } from '../layers/cameras.layer';
import { EVENTS_ICON_ID, EVENTS_LAYER_ID } from '../layers/events.layer';

const EVENT_LAYERS = [EVENTS_LAYER_ID, EVENTS_ICON_ID];
const CAMERA_LAYERS = [CAMERAS_LAYER_ID, CAMERAS_ICON_ID];

interface MapClicksProps {
  onEvent: (eventId: number) => void;
  onCamera: (cameraId: number) => void;
}

const idOf = (feature: MapGeoJSONFeature | undefined): number | null => {
  const id = Number(feature?.properties.id);
  return Number.isInteger(id) ? id : null;
};

export function MapClicks({ onEvent, onCamera }: MapClicksProps) {
  const { map } = useMapContext();
  useEffect(() => {
    if (!map) return;
    const layers = [...EVENT_LAYERS, ...CAMERA_LAYERS].filter((id) => map.getLayer(id));
    const onClick = (e: MapMouseEvent) => {
      const hits = map.queryRenderedFeatures(e.point, { layers });
      const event = idOf(hits.find((f) => EVENT_LAYERS.includes(f.layer.id)));
      if (event !== null) return onEvent(event);
      const camera = idOf(hits.find((f) => CAMERA_LAYERS.includes(f.layer.id)));
      if (camera !== null) onCamera(camera);
    };
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const plain = () => (map.getCanvas().style.cursor = '');
    map.on('click', onClick);
    for (const id of layers) {
      map.on('mouseenter', id, pointer);
      map.on('mouseleave', id, plain);
    }
    return () => {
      map.off('click', onClick);
      for (const id of layers) {
        map.off('mouseenter', id, pointer);
        map.off('mouseleave', id, plain);
      }
    };
  }, [map, onEvent, onCamera]);
  return null;
}
