// End-to-end: GPS buses in headless Chromium — a bus the test drives through the ingest API appears on the operator
// map and moves, a stop popup lists arrivals, the public stop sign works without login in Thai and English, and
// the history replay loads the bus's track and downloads it as GPX, and a bus driven along a past run of the demo
// timetable (seeded, so it holds at any hour) gives a planner punctuality and lists its stop calls beside its replay.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eEnv, launchChromium, passwordOf, screenshotPath, tokenFor } from './browser';
import { renderedIds, settled } from './map-probes';
import { driveSeededRun, removeSeededRun, type SeededRun } from './seeded-bus-run';

const { baseUrl, password } = e2eEnv();
let browser: Browser;
let admin: string;
let operator: string;

/**
 * In the fields east of Chachoengsao town, away from the demo routes, a little apart on each run so a bus left by an
 * interrupted run is not under this one; the second fix is ~110 m north, 12 s later (33 km/h).
 */
const SPREAD = (Date.now() % 40) * 0.0005;
const START = { lon: 101.115 + SPREAD, lat: 13.705 };
const NEXT = { lon: START.lon, lat: START.lat + 0.001 };

interface TestBus {
  vehicleId: number;
  label: string;
  deviceId: number;
  uniqueId: string;
  key: string;
  firstFixAt: Date;
}
let bus: TestBus;
let run: SeededRun;

/** A moment as the replay form takes it: Bangkok date (YYYY-MM-DD) and time (HH:MM). */
const bangkokInputs = (d: Date) => {
  const local = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

/** Fills the replay period (each end with its own date: a period may run across Bangkok midnight) and loads it. */
async function loadReplay(page: Page, vehicleId: number, from: Date, to: Date): Promise<void> {
  await page.getByTestId('bus-replay-vehicle').selectOption(String(vehicleId));
  const [start, end] = [bangkokInputs(from), bangkokInputs(to)];
  await page.getByTestId('bus-replay-from-date').fill(start.date);
  await page.getByTestId('bus-replay-from').fill(start.time);
  await page.getByTestId('bus-replay-to-date').fill(end.date);
  await page.getByTestId('bus-replay-to').fill(end.time);
  await page.getByTestId('bus-replay-load').click();
}

/** One fix through the JSON batch endpoint, as a device would send it (authenticated by its own key). */
async function sendFix(at: { lon: number; lat: number }, time: Date): Promise<void> {
  const reply = await fetch(`${baseUrl}/api/gps/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      devices: [{ id: bus.uniqueId, key: bus.key, fixes: [{ ...at, timestamp: time.toISOString(), speed: 33, bearing: 0, accuracy: 5 }] }],
    }),
  });
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as { accepted: number }).accepted).toBe(1);
}

async function registerBus(): Promise<TestBus> {
  const stamp = Date.now();
  const label = `E2E-${stamp % 100_000}`;
  const vehicle = await api<{ id: number }>(admin, 'POST', '/api/vehicles', { label, electric: true });
  const uniqueId = `e2e-bus-${stamp}`;
  const { device, key } = await api<{ device: { id: number }; key: string }>(admin, 'POST', '/api/gps/devices', {
    uniqueId,
    vehicleId: vehicle.id,
  });
  return { vehicleId: vehicle.id, label, deviceId: device.id, uniqueId, key, firstFixAt: new Date() };
}

async function openMap(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(60_000);
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill('operator');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 60_000 });
  return page;
}

/** Where the map draws one bus now, or null while it is not drawn. */
const drawnAt = (page: Page, vehicleId: number) =>
  page.evaluate((id) => {
    const feature = window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['buses-circle'] }).find((f) => Number(f.properties?.id) === id);
    if (!feature || feature.geometry.type !== 'Point') return null;
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    return { lon, lat };
  }, vehicleId);

/** Clicks the map where a lon/lat is drawn. */
async function clickMapAt(page: Page, lon: number, lat: number): Promise<void> {
  const point = await page.evaluate(([x, y]) => window.__toc!.map.project([x!, y!]), [lon, lat]);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

interface StopFeature {
  geometry: { coordinates: [number, number] };
  properties: { feedId: number; stopId: string; name: string; translations: Record<string, string> };
}

/**
 * Stops of the demo network (or, on a system without it, of any feed) that have arrivals to show now, with one at least
 * `aheadMs` away when asked (a sign cut off keeps only the arrivals that have not passed).
 */
async function stopsWithArrivals(wanted: number, aheadMs = 0): Promise<StopFeature[]> {
  const found: StopFeature[] = [];
  const feeds = await api<{ id: number; name: string }[]>(operator, 'GET', '/api/transit/feeds');
  expect(feeds.length, 'a GTFS feed must be imported (npm start imports the demo network)').toBeGreaterThan(0);
  const ordered = [...feeds].sort((a, b) => Number(b.name === 'chachoengsao') - Number(a.name === 'chachoengsao'));
  for (const feed of ordered) {
    const stops = await api<{ features: StopFeature[] }>(operator, 'GET', `/api/transit/stops?feed=${feed.id}`);
    for (const stop of stops.features.filter((f) => f.properties.stopId).slice(0, 40)) {
      const path = `/api/transit/stops/${encodeURIComponent(stop.properties.stopId)}/arrivals?feed=${feed.id}`;
      const arrivals = await api<{ arrivals: { predictedAt: string }[] }>(operator, 'GET', path);
      if (arrivals.arrivals.some((a) => Date.parse(a.predictedAt) >= Date.now() + aheadMs)) found.push(stop);
      if (found.length === wanted) return found;
    }
  }
  if (found.length === 0) throw new Error('no stop has arrivals now (is the transit engine running?)');
  return found;
}

/** Whether a bus is drawn on or near a place (a click there opens the bus, which is drawn above the stop). */
/**
 * Clicks the map at a place unless a bus is drawn within 24 px of it. The look and the click happen in one task of the
 * page: between a look and a separate mouse click from the test, a simulated bus may pull in to the stop and take the click.
 */
const clickUnlessBusNear = (page: Page, lon: number, lat: number) =>
  page.evaluate(([x, y]) => {
    const map = window.__toc!.map;
    const p = map.project([x!, y!]);
    const buses = map.queryRenderedFeatures([[p.x - 24, p.y - 24], [p.x + 24, p.y + 24]], { layers: ['buses-circle', 'buses-icon', 'buses-arrow'] });
    if (buses.length > 0) return false;
    const canvas = map.getCanvasContainer();
    const rect = canvas.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, button: 0, clientX: rect.left + p.x, clientY: rect.top + p.y };
    for (const type of ['mousedown', 'mouseup', 'click']) canvas.dispatchEvent(new MouseEvent(type, at));
    return true;
  }, [lon, lat]);

beforeAll(async () => {
  browser = await launchChromium();
  admin = await tokenFor('admin');
  operator = await tokenFor('operator', password);
  bus = await registerBus();
  run = await driveSeededRun(baseUrl, admin, process.env.DATABASE_URL);
});

afterAll(async () => {
  await browser?.close();
  // Deleting the bus also takes it off every live map.
  if (bus) {
    await api(admin, 'DELETE', `/api/gps/devices/${bus.deviceId}`);
    await api(admin, 'DELETE', `/api/vehicles/${bus.vehicleId}`);
  }
  if (run) await removeSeededRun(admin, run);
});

describe('GPS buses', () => {
  it('shows a bus sent through the ingest API on the operator map, and moves it with its next fix', async () => {
    const page = await openMap();
    await page.evaluate(([lon, lat]) => window.__toc!.map.jumpTo({ center: [lon!, lat!], zoom: 15.5 }), [START.lon, START.lat]);
    await sendFix(START, bus.firstFixAt);
    await expect.poll(() => renderedIds(page, 'buses-circle'), { timeout: 30_000 }).toContain(bus.vehicleId);
    const first = (await drawnAt(page, bus.vehicleId))!;
    expect(first.lat).toBeCloseTo(START.lat, 3);
    // The layer switch counts it, and the electric bus carries the bolt.
    await page.getByTestId('layers-panel').locator('summary').click();
    await expect.poll(async () => Number(await page.getByTestId('buses-count').getAttribute('data-count'))).toBeGreaterThan(0);
    const icon = await page.evaluate(
      (id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['buses-icon'] }).find((f) => Number(f.properties?.id) === id)?.properties?.icon,
      bus.vehicleId,
    );
    expect(icon).toBe('bus-electric');

    await sendFix(NEXT, new Date(bus.firstFixAt.getTime() + 12_000));
    await expect.poll(async () => (await drawnAt(page, bus.vehicleId))?.lat ?? 0, { timeout: 30_000 }).toBeCloseTo(NEXT.lat, 4);
    await page.screenshot({ path: screenshotPath('buses-map-moved') });

    // Its popup names it and offers the replay.
    const at = (await drawnAt(page, bus.vehicleId))!;
    await clickMapAt(page, at.lon, at.lat);
    const popup = page.getByTestId('bus-popup');
    await popup.waitFor();
    expect(await popup.textContent()).toContain(bus.label);
    await page.screenshot({ path: screenshotPath('buses-popup') });
    await popup.getByTestId('bus-popup-replay').click();
    await page.getByTestId('bus-replay').waitFor();
    expect(await page.getByTestId('bus-replay-vehicle').inputValue()).toBe(String(bus.vehicleId));
    await page.close();
  });

  it('lists the next arrivals in a stop popup', async () => {
    const candidates = await stopsWithArrivals(8);
    const page = await openMap();
    // Simulated buses dwell at stops: take the first stop with no bus over it.
    let stop: StopFeature | undefined;
    for (const candidate of candidates) {
      const [x, y] = candidate.geometry.coordinates;
      await page.evaluate(([cx, cy]) => window.__toc!.map.jumpTo({ center: [cx!, cy!], zoom: 16.5 }), [x, y]);
      await settled(page);
      await expect.poll(() => page.evaluate(() => window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['bus-stops-circle'] }).length)).toBeGreaterThan(0);
      if (await clickUnlessBusNear(page, x, y)) {
        stop = candidate;
        break;
      }
    }
    expect(stop, 'every stop with arrivals had a bus standing on it').toBeDefined();
    const popup = page.getByTestId('stop-popup');
    await popup.waitFor();
    expect(await popup.getAttribute('data-stop-id')).toBe(stop!.properties.stopId);
    await expect.poll(() => popup.locator('[data-testid=stop-arrivals] li').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await popup.getByTestId('stop-popup-sign').getAttribute('href')).toBe(
      `stop/${encodeURIComponent(stop!.properties.stopId)}?feed=${stop!.properties.feedId}`,
    );
    await page.screenshot({ path: screenshotPath('buses-stop-popup') });
    await page.close();
  });

  it('shows the public stop sign without login, in Thai and in English, and says so for an unknown stop', async () => {
    // An arrival 10 min away or more is still on the sign after the minute or two it takes to notice it is cut off.
    const stop = (await stopsWithArrivals(1, 10 * 60_000))[0]!;
    // A fresh context: no session cookie.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const signUrl = (lang: string) => `${baseUrl}/stop/${encodeURIComponent(stop.properties.stopId)}?feed=${stop.properties.feedId}${lang}`;

    await page.goto(signUrl('&lang=th'));
    await page.getByTestId('sign-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#sign').getAttribute('data-lang')).toBe('th');
    expect(await page.locator('.sign-kicker').textContent()).toContain('ป้ายรถเมล์');
    expect(await page.getByTestId('sign-when').first().textContent()).toMatch(/นาที|ถึงแล้ว|กำลังเข้าป้าย/);
    await page.screenshot({ path: screenshotPath('buses-sign-th') });

    await page.goto(signUrl('&lang=en'));
    await page.getByTestId('sign-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.sign-kicker').textContent()).toContain('Bus stop');
    expect(await page.getByTestId('sign-when').first().textContent()).toMatch(/min|Now|Due/);
    await page.screenshot({ path: screenshotPath('buses-sign-en') });

    // Cut off, it keeps its last arrivals and says since when; back online, the note goes.
    await context.setOffline(true);
    const status = page.getByTestId('sign-status');
    await status.waitFor({ timeout: 90_000 });
    expect(await status.textContent()).toMatch(/Offline · last updated \d\d:\d\d/);
    expect(await page.getByTestId('sign-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('buses-sign-offline') });
    await context.setOffline(false);
    await status.waitFor({ state: 'detached', timeout: 90_000 });

    // Unpinned, it alternates between the two languages by itself.
    await page.goto(signUrl(''));
    const firstLanguage = await page.locator('#sign').getAttribute('data-lang');
    await page.waitForFunction((lang) => document.getElementById('sign')?.dataset.lang !== lang, firstLanguage, { timeout: 20_000 });

    await page.goto(`${baseUrl}/stop/no-such-stop-${Date.now()}?feed=${stop.properties.feedId}`);
    const unknown = page.getByTestId('sign-unknown');
    await unknown.waitFor({ timeout: 30_000 });
    expect(await unknown.textContent()).toContain('ไม่พบป้ายรถเมล์นี้');
    expect(await unknown.textContent()).toContain('Unknown bus stop');
    await page.screenshot({ path: screenshotPath('buses-sign-unknown') });
    await context.close();
  });

  it('shows the route, the destination and the minutes of every arrival on a 390 px phone, in Thai and in English', async () => {
    const stop = (await stopsWithArrivals(1, 10 * 60_000))[0]!;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const lang of ['th', 'en'] as const) {
      await page.goto(`${baseUrl}/stop/${encodeURIComponent(stop.properties.stopId)}?feed=${stop.properties.feedId}&lang=${lang}`);
      await page.getByTestId('sign-row').first().waitFor({ timeout: 30_000 });
      // Read in one task of the page: the sign redraws its rows every tick, and rows handed over from an earlier
      // query can be detached by then (every box 0 × 0; CI saw a destination 0 px wide).
      const rows = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-testid="sign-row"]'), (row) => {
          const box = (selector: string) => {
            const element = row.querySelector<HTMLElement>(selector)!;
            const rect = element.getBoundingClientRect();
            return {
              left: rect.left,
              right: rect.right,
              width: rect.width,
              text: element.textContent ?? '',
              // Cut text shows as content wider or taller than its box.
              clipped: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
            };
          };
          return { route: box('.sign-route'), destination: box('.sign-destination'), when: box('.sign-when') };
        }),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const part of [row.route, row.destination, row.when]) {
          expect(part.left, `${part.text} starts on the screen`).toBeGreaterThanOrEqual(0);
          expect(part.right, `${part.text} ends on the screen`).toBeLessThanOrEqual(390);
          expect(part.clipped, `${part.text} is not cut`).toBe(false);
        }
        // Side by side, not on top of each other, and the destination has room to be read (it may wrap).
        expect(row.route.right).toBeLessThanOrEqual(row.destination.left);
        expect(row.destination.right).toBeLessThanOrEqual(row.when.left);
        expect(row.destination.text.trim()).not.toBe('');
        expect(row.destination.width, `destination "${row.destination.text}"`).toBeGreaterThanOrEqual(120);
      }
      // Nothing sticks out sideways: the phone never scrolls left and right.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: screenshotPath(`buses-sign-390-${lang}`), fullPage: true });
    }
    await context.close();
  });

  it('replays the bus’s track from its history and downloads it as GPX', async () => {
    const page = await openMap();
    await page.getByTestId('bus-history-open').click();
    const panel = page.getByTestId('bus-replay');
    await panel.waitFor();
    await expect.poll(() => panel.locator(`option[value="${bus.vehicleId}"]`).count()).toBe(1);
    // "Last hour" is the hour before now, across Bangkok midnight when it must be; the period reads in Buddhist-Era dates.
    await page.getByTestId('bus-replay-preset-lastHour').click();
    const field = (id: string) => page.getByTestId(id).inputValue();
    const [fromDate, fromTime, toDate, toTime] = await Promise.all(
      ['bus-replay-from-date', 'bus-replay-from', 'bus-replay-to-date', 'bus-replay-to'].map(field),
    );
    expect(Date.parse(`${toDate}T${toTime}:00+07:00`) - Date.parse(`${fromDate}T${fromTime}:00+07:00`)).toBe(3_600_000);
    expect(await page.getByTestId('bus-replay-period').textContent()).toContain(String(Number(toDate!.slice(0, 4)) + 543));
    // From just before its first fix to just after now, whatever the hour (across midnight too).
    await loadReplay(page, bus.vehicleId, new Date(bus.firstFixAt.getTime() - 120_000), new Date(Date.now() + 120_000));
    const player = page.getByTestId('replay-player');
    await player.waitFor({ timeout: 30_000 });
    expect(Number(await player.getAttribute('data-fixes'))).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.evaluate(() => window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['bus-replay-path'] }).length)).toBeGreaterThan(0);
    // Out in the fields it ran no trip, and the panel says so rather than showing an empty table.
    await page.getByTestId('stop-calls-empty').waitFor();

    // Moving the slider to the end puts the marker on the last fix.
    await page.getByTestId('replay-slider').evaluate((input: HTMLInputElement) => {
      // The native setter, so React sees a user's change.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, input.max);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const [marker] = window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['bus-replay-marker'] });
          return marker?.geometry.type === 'Point' ? (marker.geometry.coordinates[1] as number) : 0;
        }),
      )
      .toBeCloseTo(NEXT.lat, 4);
    await page.screenshot({ path: screenshotPath('buses-replay') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('replay-gpx').click()]);
    const gpx = await readFile((await download.path())!, 'utf8');
    expect(gpx).toContain('<gpx');
    expect(gpx.match(/<trkpt/g)?.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('shows a planner the punctuality of the buses’ stop calls, refuses a reversed period, and gives the CSV', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(baseUrl);
    await page.getByTestId('login-username').fill('planner');
    await page.getByTestId('login-password').fill(passwordOf('planner'));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-punctuality').click();
    await page.getByTestId('punctuality-page').waitFor();
    // The seeded run's calls (and any the demo buses made) are in the report of the last seven days.
    await page.getByTestId('punctuality-show').click();
    await expect.poll(() => page.getByTestId('punctuality-routes').locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('punctuality-on-time').textContent()).toMatch(/\d+(\.\d)? %/);
    expect(await page.getByTestId('punctuality-hours').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('buses-punctuality') });
    // On a 1366×768 screen the page scrolls to its last row (the window itself never scrolls).
    await page.setViewportSize({ width: 1366, height: 768 });
    const lastRow = page.getByTestId('punctuality-hours').locator('tbody tr').last();
    await lastRow.scrollIntoViewIfNeeded();
    const row = (await lastRow.boundingBox())!;
    // Scroll offsets are whole pixels while rows sit on fractional ones (CI saw 768.2): allow under a pixel.
    expect(row.y + row.height).toBeLessThan(769);
    expect(row.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('buses-punctuality-1366') });

    const csv = await page.request.get(new URL((await page.getByTestId('punctuality-csv').getAttribute('href'))!, page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('on time % / ตรงเวลา %');

    await page.getByTestId('punctuality-first-day').fill('2026-12-31');
    await page.getByTestId('punctuality-last-day').fill('2026-12-01');
    await page.getByTestId('punctuality-problem').waitFor();
    expect(await page.getByTestId('punctuality-show').isDisabled()).toBe(true);
    await page.close();
  });

  it('lists a bus’s stop calls with their punctuality beside its replay, and a call moves the replay there', async () => {
    const page = await openMap();
    await page.getByTestId('bus-history-open').click();
    await expect.poll(() => page.locator(`[data-testid="bus-replay-vehicle"] option[value="${run.vehicleId}"]`).count()).toBe(1);
    await loadReplay(page, run.vehicleId, new Date(run.firstFixAt.getTime() - 120_000), new Date(run.lastFixAt.getTime() + 120_000));
    const calls = page.getByTestId('stop-call');
    // One call per stop of the run, in order.
    await expect.poll(() => calls.count(), { timeout: 30_000 }).toBe(run.stops);
    // Each call names its stop and says how it kept to the timetable, in the UI language (Thai by default).
    const last = calls.last();
    expect((await last.locator('td').nth(1).textContent())?.trim().length).toBeGreaterThan(0);
    expect(await last.locator('td').nth(3).textContent()).toMatch(/ตรงเวลา|ช้า|เร็ว/);
    // Choosing the call puts the replay clock at the call (the slider starts at the bus's first fix, before it).
    const before = Number(await page.getByTestId('replay-slider').inputValue());
    await last.getByRole('button').click();
    await expect.poll(async () => Number(await page.getByTestId('replay-slider').inputValue())).toBeGreaterThan(before);
    await expect.poll(() => last.getAttribute('class')).toBe('current');
    await page.screenshot({ path: screenshotPath('buses-stop-calls') });
    await page.close();
  });
});
