// Clicks on the bus layer: a bus opens its popup (a bus wins over a stop under it), a stop opens its arrivals.
import { createElement, useEffect, useRef } from 'react';
import type { MapLibreMap, MapMouseEvent, Popup } from 'maplibre-gl';
import { BUS_STOPS_LAYER_ID } from '../map/layers/bus-stops.layer';
import { BUSES_ICON_ID, BUSES_LAYER_ID } from '../map/layers/buses.layer';
import type { LiveDataService } from '../state/live-data.service';
import { BusPopup } from './bus-popup';
import { openReactPopup } from './react-popup';
import { StopPopup } from './stop-popup';
import { networkStopKey, type TransitNetwork } from './use-transit-network';

const BUS_LAYERS = [BUSES_LAYER_ID, BUSES_ICON_ID];
const CLICKABLE = [...BUS_LAYERS, BUS_STOPS_LAYER_ID];

interface ClickContext {
  live: LiveDataService;
  network: TransitNetwork | null;
  onReplay: (vehicleId: number) => void;
}

function present(map: MapLibreMap, ids: readonly string[]): string[] {
  return ids.filter((id) => map.getLayer(id));
}

export function useBusMapClicks(map: MapLibreMap | null, context: ClickContext): void {
  // Read at click time, so the handlers are bound once per map.
  const contextRef = useRef(context);
  contextRef.current = context;

  useEffect(() => {
    if (!map) return;
    let popup: Popup | null = null;
    const open = (next: Popup) => {
      popup?.remove();
      popup = next;
    };

    const onClick = (e: MapMouseEvent) => {
      const { live, network, onReplay } = contextRef.current;
      const [bus] = map.queryRenderedFeatures(e.point, { layers: present(map, BUS_LAYERS) });
      if (bus) {
        const vehicleId = Number(bus.properties.id);
        let shown: Popup | null = null;
        const onMove = (lon: number, lat: number) => shown?.setLngLat([lon, lat]);
        const content = createElement(BusPopup, { vehicleId, buses: live.buses, network, onMove, onReplay });
        shown = openReactPopup(map, e.lngLat, content, 'bus-map-popup');
        return open(shown);
      }
      const [stopFeature] = map.queryRenderedFeatures(e.point, { layers: present(map, [BUS_STOPS_LAYER_ID]) });
      const stop = stopFeature && network?.stopsByKey.get(networkStopKey(Number(stopFeature.properties.feedId), String(stopFeature.properties.stopId)));
      if (stop) open(openReactPopup(map, [stop.lon, stop.lat], createElement(StopPopup, { stop, live }), 'bus-map-popup'));
    };
    const onMove = (e: MapMouseEvent) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: present(map, CLICKABLE) }).length > 0;
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
      popup?.remove();
    };
  }, [map]);
}
