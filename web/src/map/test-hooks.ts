// `window.__toc`: lets browser tests and the web benchmark reach the map, know when its layers are in place,
// and (when a benchmark asks for it) record when live object updates reach the map.
import type { MapLibreMap } from 'maplibre-gl';

export interface TocTestHooks {
  map: MapLibreMap;
  /** True once the style has loaded and every layer was added. */
  ready: boolean;
  /** `performance.now()` when `ready` became true: the page's time from navigation to a usable map. */
  readyAt?: number;
}

/** One camera's objects message as applied to the map source. */
export interface ObjectsApplySample {
  cameraId: number;
  /** The message's `at` (ms since epoch) and when its data was in the map source (ms since epoch). */
  atMs: number;
  appliedAt: number;
}

/** Set `window.__tocPerf = { objectApplies: [], objectPushes: [] }` before the map loads to record (off otherwise). */
export interface TocPerfHooks {
  objectApplies: ObjectsApplySample[];
  /** Each source update: how many objects, and the main-thread time to build it and hand it to the map. */
  objectPushes: { features: number; syncMs: number }[];
}

declare global {
  interface Window {
    __toc?: TocTestHooks;
    __tocPerf?: TocPerfHooks;
  }
}

export function exposeMap(map: MapLibreMap, ready: boolean): void {
  window.__toc = ready ? { map, ready, readyAt: performance.now() } : { map, ready };
}

export function clearExposedMap(map: MapLibreMap): void {
  if (window.__toc?.map === map) delete window.__toc;
}

export function noteObjectsApplied(entries: readonly { cameraId: number; atMs: number }[], appliedAt: number): void {
  const perf = window.__tocPerf;
  if (!perf) return;
  for (const entry of entries) perf.objectApplies.push({ cameraId: entry.cameraId, atMs: entry.atMs, appliedAt });
}

export function noteObjectsPushed(features: number, syncMs: number): void {
  window.__tocPerf?.objectPushes.push({ features, syncMs });
}
