// Reads what the operator map actually drew (rendered features), for the end-to-end tests.
import type { Page } from 'playwright-core';

/** How many features of a layer are drawn in the current view. */
export const renderedCount = (page: Page, layer: string): Promise<number> =>
  page.evaluate((id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: [id] }).length, layer);

/** The `id` property of every feature of a layer drawn in the current view. */
export const renderedIds = (page: Page, layer: string): Promise<number[]> =>
  page.evaluate((id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: [id] }).map((f) => Number(f.properties?.id)), layer);

/** Sources fed live (every second or so): they are almost never all loaded at once, so waits leave them out. */
const LIVE_SOURCES = ['buses', 'tracked-objects'];

/**
 * Waits until the map stops moving (a fly or fit animation has ended) and every source but the live ones has loaded.
 * `map.loaded()` would also wait for the live buses and objects, which on a busy machine may never all be idle at
 * the same moment.
 */
export const settled = (page: Page) =>
  page.waitForFunction(
    (live) => {
      const map = window.__toc!.map;
      if (map.isMoving()) return false;
      const sources = Object.keys(map.getStyle()?.sources ?? {});
      return sources.length > 0 && sources.filter((id) => !live.includes(id)).every((id) => map.isSourceLoaded(id));
    },
    LIVE_SOURCES,
    { timeout: 30_000 },
  );
