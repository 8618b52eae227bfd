// Under `npm run test:clock` the browser reads the moved wall clock too, without libfaketime inside Chromium.
//
// libfaketime slows Chromium's renderer to a crawl (a map page stalls for ~25 s at a time), so Chromium runs on the
// real clock and each page's Date is moved by the same offset as the rest of the suite (TEST_CLOCK_OFFSET_S, set by
// test-clock.sh). Timers, animation frames and performance.now() stay real, as the monotonic clocks do elsewhere.
import type { Browser, BrowserContext } from 'playwright-core';

/** Seconds the suite's wall clock is moved by, or 0 outside `npm run test:clock`. */
export const clockOffsetMs = (): number => Number(process.env.TEST_CLOCK_OFFSET_S ?? '0') * 1000;

/** The environment Chromium starts with: the suite's, without libfaketime when the clock is moved. */
export function chromiumEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'LD_PRELOAD') env[name] = value;
  return env;
}

/**
 * Runs in the page before its own scripts: `Date.now()`, `new Date()` and `Date()` read the moved clock. Plain
 * JavaScript text, not a function: the test runner's compiler would add helpers to a function that the page lacks.
 */
const moveDateScript = (offsetMs: number) => `(() => {
  const RealDate = Date;
  const now = () => RealDate.now() + ${offsetMs};
  function MovedDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
  }
  Object.setPrototypeOf(MovedDate, RealDate);
  MovedDate.prototype = RealDate.prototype;
  MovedDate.now = now;
  globalThis.Date = MovedDate;
})();`;

/** Every context (and page) the browser makes from now on reads the moved clock. */
export function moveBrowserClock(browser: Browser, offsetMs: number): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context: BrowserContext = await newContext(options);
    await context.addInitScript({ content: moveDateScript(offsetMs) });
    return context;
  };
  // A page of its own context, closed with it (as browser.newPage does).
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // The browser may be closing already (end of a test file): then the context goes with it.
    page.on('close', () => context.close().catch(() => undefined));
    return page;
  };
}
