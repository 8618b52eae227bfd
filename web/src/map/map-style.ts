// The offline base style: a dark background, plus raster tiles only when a deployment configures a URL.
// No glyphs or sprites: there is no internet in the control room, so labels are HTML markers.
import type { StyleSpecification } from 'maplibre-gl';
import type { MapConfig } from '../config/app.config';
import { BASEMAP_COLORS } from './palette';

export const BACKGROUND_LAYER_ID = 'background';
export const TILES_LAYER_ID = 'basemap-tiles';

export function buildBaseStyle(config: MapConfig): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: BACKGROUND_LAYER_ID, type: 'background', paint: { 'background-color': BASEMAP_COLORS.background } }],
  };
  if (config.tileUrl) {
    style.sources[TILES_LAYER_ID] = {
      type: 'raster',
      tiles: [config.tileUrl],
      tileSize: 256,
      ...(config.tileAttribution ? { attribution: config.tileAttribution } : {}),
    };
    style.layers.push({
      id: TILES_LAYER_ID,
      type: 'raster',
      source: TILES_LAYER_ID,
      // Dimmed so the operational layers stay readable on the dark theme.
      paint: { 'raster-opacity': 0.55, 'raster-saturation': -0.6, 'raster-brightness-max': 0.6 },
    });
  }
  return style;
}
