// In-page measurements: long main-thread tasks (PerformanceObserver 'longtask'), animation frames, and the map's
// record of when each objects message reached its source (window.__tocPerf, see src/map/test-hooks.ts).
import type { Page } from 'playwright-core';
import type { ObjectsApplySample } from '../src/map/test-hooks';

interface BenchWindow {
  __benchLongTasks: { start: number; duration: number }[];
  __benchFrames: number[];
  __benchFramesOn: boolean;
}

export interface WindowReadout {
  longTasks: { start: number; duration: number }[];
  frames: number[];
  applies: ObjectsApplySample[];
  pushes: { features: number; syncMs: number }[];
  /** performance.now() when the window opened and closed. */
  from: number;
  to: number;
  heapMb: number | null;
  renderedObjects: number;
}

/**
 * Runs before the page's own scripts, so nothing from start-up is missed. A plain string: tsx would wrap named
 * functions in a helper that does not exist inside the page.
 */
const PROBE_SCRIPT = `
  window.__tocPerf = { objectApplies: [], objectPushes: [] };
  window.__benchLongTasks = [];
  window.__benchFrames = [];
  window.__benchFramesOn = false;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  (function frame(t) {
    if (window.__benchFramesOn) window.__benchFrames.push(t);
    requestAnimationFrame(frame);
  })(performance.now());
`;

export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(PROBE_SCRIPT);
}

/** Starts a measuring window: clears what earlier phases recorded. */
export function openWindow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as Window & BenchWindow;
    w.__tocPerf!.objectApplies.length = 0;
    w.__tocPerf!.objectPushes.length = 0;
    w.__benchFrames.length = 0;
    w.__benchFramesOn = true;
    return performance.now();
  });
}

export function closeWindow(page: Page, from: number): Promise<WindowReadout> {
  return page.evaluate((start) => {
    const w = window as unknown as Window & BenchWindow;
    w.__benchFramesOn = false;
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return {
      longTasks: w.__benchLongTasks.filter((t) => t.start >= start),
      frames: [...w.__benchFrames],
      applies: [...w.__tocPerf!.objectApplies],
      pushes: [...w.__tocPerf!.objectPushes],
      from: start,
      to: performance.now(),
      heapMb: memory ? memory.usedJSHeapSize / 1048576 : null,
      renderedObjects: w.__toc!.map.queryRenderedFeatures(undefined, { layers: ['tracked-objects-dots', 'tracked-objects-symbol'] }).length,
    };
  }, from);
}

/** Every long task since the page started (load included). */
export function allLongTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => [...(window as unknown as BenchWindow).__benchLongTasks]);
}

/**
 * What one full repaint of the map costs on this machine (forced repaints for `seconds`, nothing else changing):
 * the floor under any long task an update can cause, since every source update repaints the whole map.
 */
export async function repaintCost(page: Page, seconds: number): Promise<{ frames: number; msPerFrame: number }> {
  // A string, for the same reason as the probe script.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const map = window.__toc.map;
    const end = performance.now() + ${seconds * 1000};
    let frames = 0;
    (function loop() {
      frames++;
      map.triggerRepaint();
      if (performance.now() < end) requestAnimationFrame(loop); else resolve(frames);
    })();
  })`)) as number;
  return { frames, msPerFrame: (seconds * 1000) / frames };
}
