// Typed Vite env variables the control room reads (all optional).
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
  readonly VITE_MAP_CENTER_LON?: string;
  readonly VITE_MAP_CENTER_LAT?: string;
  readonly VITE_MAP_ZOOM?: string;
  readonly VITE_REALTIME_FLUSH_MS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
