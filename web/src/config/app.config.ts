// Deployment settings read from Vite env variables, with the defaults of the reference site.
export interface MapConfig {
  center: [number, number];
  zoom: number;
  /** Raster tile URL template ({z}/{x}/{y}) for real deployments; none offline. */
  tileUrl: string | null;
  tileAttribution: string | null;
}

export interface AppConfig {
  map: MapConfig;
  /** How often buffered realtime updates reach the UI. */
  realtimeFlushMs: number;
  /** Events requested on page load and kept in memory. */
  initialEventLimit: number;
  maxEventsInMemory: number;
}

const env = import.meta.env;

function numberFrom(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

function textFrom(value: string | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null;
}

export const appConfig: AppConfig = {
  map: {
    // Chachoengsao province, centred on the city and the western districts.
    center: [numberFrom(env.VITE_MAP_CENTER_LON, 101.2), numberFrom(env.VITE_MAP_CENTER_LAT, 13.7)],
    zoom: numberFrom(env.VITE_MAP_ZOOM, 9),
    tileUrl: textFrom(env.VITE_TILE_URL),
    tileAttribution: textFrom(env.VITE_TILE_ATTRIBUTION),
  },
  realtimeFlushMs: numberFrom(env.VITE_REALTIME_FLUSH_MS, 250),
  initialEventLimit: 50,
  maxEventsInMemory: 500,
};
