// Reads what the operator map actually drew (rendered features), for the end-to-end tests.
import type { Page } from 'playwright-core';

/** How many features of a layer are drawn in the current view. */
export const renderedCount = (page: Page, layer: string): Promise<number> =>
  page.evaluate((id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: [id] }).length, layer);

/** The `id` property of every feature of a layer drawn in the current view. */
export const renderedIds = (page: Page, layer: string): Promise<number[]> =>
  page.evaluate((id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: [id] }).map((f) => Number(f.properties?.id)), layer);
