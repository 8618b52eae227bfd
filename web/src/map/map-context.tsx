// Gives the tools drawn over the map (search, layer switcher, district selector) the map and its basemap data.
import { createContext, useContext } from 'react';
import type { MapLibreMap } from 'maplibre-gl';
import type { BasemapData } from './layers/basemap.layer';

export interface MapContextValue {
  /** Null until the style and every layer are in place. */
  map: MapLibreMap | null;
  basemap: BasemapData | null;
}

export const MapContext = createContext<MapContextValue>({ map: null, basemap: null });

export const useMapContext = (): MapContextValue => useContext(MapContext);
