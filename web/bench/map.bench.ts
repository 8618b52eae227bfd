// `npm run bench:web`: the operator map under load, on the real server and a headless Chromium. Measures the
// built bundle, the time from navigation to a usable map, then streams 5,000 moving objects at 1 Hz
// (50 cameras × 100) through Redis and the server's socket relay into the page, and reports the longest
// main-thread task, the lag from each message's time to its data being in the map source, and how many
// messages were superseded before drawing (latest-wins per camera, by design). It also measures what one full
// repaint of the map costs on this machine: every source update repaints the whole map, so without a GPU
// (software WebGL) that frame, not the update's own work, sets the floor under the longest task.
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Page } from 'playwright-core';
import { channelNames } from '@toc/server/realtime/channel-names';
import { launchChromium } from '../e2e/browser';
import { startBenchServer } from './bench-server';
import { bundleSize } from './bundle-size';
import { publishStream, type StreamOptions } from './object-stream';
import { allLongTasks, closeWindow, installProbes, openWindow, repaintCost } from './page-probes';
import { fixed, percentile } from './stats';

const PORT = Number(process.env.BENCH_WEB_PORT ?? 3098);
const SECONDS = Number(process.env.BENCH_OBJECT_SECONDS ?? 30);
const STREAM: StreamOptions = {
  cameras: Number(process.env.BENCH_OBJECT_CAMERAS ?? 50),
  objectsPerCamera: Number(process.env.BENCH_OBJECTS_PER_CAMERA ?? 100),
  firstCameraId: 1001,
};
const OBJECTS = STREAM.cameras * STREAM.objectsPerCamera;
const kb = (bytes: number) => fixed(bytes / 1024, 0);

const server = await startBenchServer({ port: PORT, buildWeb: process.env.BENCH_SKIP_WEB_BUILD !== '1' });
const browser = await launchChromium();
const redis = new Redis(process.env.REDIS_URL ?? '');
/** Published as the workers would, on the server's own channels. */
const objects = { redis, channels: channelNames(server.queuePrefix) };

async function waitForMap(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 120_000 });
  return page.evaluate(() => window.__toc!.readyAt ?? NaN);
}

try {
  const size = await bundleSize(server.webDistDir);
  console.log(`bundle: JS ${kb(size.js.bytes)} KB (gzip ${kb(size.js.gzip)} KB), CSS ${kb(size.css.bytes)} KB (gzip ${kb(size.css.gzip)} KB)`);
  console.log(`  largest: ${size.largest.map((a) => `${a.file} ${kb(a.bytes)} KB / gzip ${kb(a.gzip)} KB`).join('; ')}`);

  // Sign in once for the session cookie, then time a cold start (new context, empty cache) and a reload.
  const login = await browser.newContext();
  const loginPage = await login.newPage();
  await loginPage.goto(server.baseUrl);
  await loginPage.getByTestId('login-username').fill('operator');
  await loginPage.getByTestId('login-password').fill(server.operatorPassword);
  await loginPage.getByTestId('login-submit').click();
  await waitForMap(loginPage);
  const cookies = await login.cookies();
  await login.close();

  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await installProbes(page);
  await page.goto(server.baseUrl);
  const coldMs = await waitForMap(page);
  const loadTasks = await allLongTasks(page);
  await page.reload();
  const warmMs = await waitForMap(page);
  console.log(
    `map ready after navigation: ${fixed(coldMs, 0)} ms cold (empty cache), ${fixed(warmMs, 0)} ms on reload; ` +
      `longest task during the cold load ${fixed(Math.max(0, ...loadTasks.map((t) => t.duration)), 0)} ms`,
  );

  // Every update repaints the whole map: what a repaint costs here bounds what any update can cost.
  await page.waitForTimeout(3000);
  const repaint = await repaintCost(page, 3);
  console.log(`full map repaint with nothing changing: ${fixed(repaint.msPerFrame, 0)} ms per frame (${repaint.frames} frames in 3 s)`);

  // Warm-up: stream until the page has joined the objects room and drawn a first message.
  const warmUp = publishStream(objects, STREAM, 10);
  await page.waitForFunction(() => (window.__tocPerf?.objectApplies.length ?? 0) > 0, undefined, { timeout: 30_000 });
  await warmUp;

  const from = await openWindow(page);
  const log = await publishStream(objects, STREAM, SECONDS);
  // Let the last messages through the flush interval and the map worker.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const readout = await closeWindow(page, from);
  await page.screenshot({ path: path.join(process.env.TEST_OUTPUT_DIR ?? 'test-output', 'bench-web-objects.png') });

  const applies = readout.applies.filter((a) => a.atMs >= log.firstAt);
  const lags = applies.map((a) => a.appliedAt - a.atMs);
  const longTaskMax = Math.max(0, ...readout.longTasks.map((t) => t.duration));
  const blockedMs = readout.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  const frameGaps = readout.frames.slice(1).map((t, i) => t - readout.frames[i]!);
  const fps = (readout.frames.length - 1) / ((readout.frames.at(-1)! - readout.frames[0]!) / 1000);
  const lastApplied = new Map<number, number>();
  for (const a of applies) lastApplied.set(a.cameraId, Math.max(lastApplied.get(a.cameraId) ?? 0, a.atMs));
  const finalStateOk = [...log.lastAt].filter(([camera, at]) => lastApplied.get(camera) === at).length;
  const superseded = log.sent - applies.length;

  console.log(
    `stream: ${OBJECTS} objects (${STREAM.cameras} cameras × ${STREAM.objectsPerCamera}) at 1 Hz for ${SECONDS} s: ` +
      `${log.sent} messages sent, ${applies.length} applied to the map, ${superseded} superseded before drawing ` +
      `(${fixed((100 * superseded) / log.sent)} %, latest-wins per camera by design); last message of ${finalStateOk}/${STREAM.cameras} cameras on the map; ` +
      `${readout.renderedObjects} objects rendered at the end`,
  );
  console.log(
    `main thread while streaming: longest task ${fixed(longTaskMax, 0)} ms, ${readout.longTasks.length} tasks over 50 ms ` +
      `(${fixed(blockedMs, 0)} ms blocked beyond 50 ms), ${fixed(fps)} frames/s, longest frame gap ${fixed(Math.max(0, ...frameGaps), 0)} ms` +
      (readout.heapMb === null ? '' : `, JS heap ${fixed(readout.heapMb, 0)} MB`),
  );
  const pushMs = readout.pushes.map((p) => p.syncMs);
  console.log(
    `map source updates: ${readout.pushes.length} (${fixed(readout.pushes.length / ((readout.to - readout.from) / 1000))}/s), ` +
      `${fixed(percentile(readout.pushes.map((p) => p.features), 50), 0)} objects each; main-thread time to build and hand over ` +
      `p50 ${fixed(percentile(pushMs, 50))} ms, p95 ${fixed(percentile(pushMs, 95))} ms, max ${fixed(Math.max(0, ...pushMs))} ms`,
  );
  console.log(
    `update lag (message time → data in the map source): p50 ${fixed(percentile(lags, 50), 0)} ms, p95 ${fixed(percentile(lags, 95), 0)} ms, ` +
      `max ${fixed(Math.max(...lags), 0)} ms over ${lags.length} messages`,
  );
  console.log(
    `BENCH web objects=${OBJECTS} long_task_max_ms=${fixed(longTaskMax, 0)} update_lag_p95_ms=${fixed(percentile(lags, 95), 0)} ` +
      `update_lag_p50_ms=${fixed(percentile(lags, 50), 0)} load_ms=${fixed(coldMs, 0)} js_gzip_kb=${kb(size.js.gzip)} ` +
      `css_gzip_kb=${kb(size.css.gzip)} superseded_pct=${fixed((100 * superseded) / log.sent)} fps=${fixed(fps)} ` +
      `repaint_ms=${fixed(repaint.msPerFrame, 0)} push_p95_ms=${fixed(percentile(pushMs, 95))}`,
  );
} finally {
  await browser.close();
  redis.disconnect();
  await server.stop();
}
process.exit(0);
