// End-to-end: the operator map's layers and tools in headless Chromium — camera cones and icons, layer switches,
// legend, search (Thai camera name, sub-district), fit to district, crowd zones on the ground, and live tracked
// objects published on Redis arriving through the server relay and disappearing again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { Redis } from 'ioredis';
import pg from 'pg';
import { channelNames } from '@toc/server/realtime/channel-names';
import { api, e2eEnv, launchChromium, screenshotPath, tokenFor } from './browser';
import { renderedCount, settled } from './map-probes';

const { baseUrl, password, queuePrefix } = e2eEnv();
let browser: Browser;
let redis: Redis;

/** The demo camera at the Wat Sothon market plaza (seeded), and where it stands. */
const SOTHON = { nameTh: 'ลานตลาดวัดโสธร', lon: 101.0757, lat: 13.6786 };

const mapView = (page: Page) =>
  page.evaluate(() => {
    const map = window.__toc!.map;
    const bounds = map.getBounds();
    return { lon: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom(), west: bounds.getWest(), east: bounds.getEast(), south: bounds.getSouth(), north: bounds.getNorth() };
  });


async function logIn(page: Page) {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill('operator');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 60_000 });
}

async function openMap(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  // The first page of a run also compiles the app's scripts: on a busy machine that takes a while.
  page.setDefaultTimeout(60_000);
  await logIn(page);
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) throw new Error('REDIS_URL must be set (npm test sets it; load $TOC_DATA_DIR/env by hand)');
  redis = new Redis(redisUrl);
});
afterAll(async () => {
  await browser?.close();
  redis?.disconnect();
});

describe('operator map layers and tools', () => {
  it('draws each camera with its status icon and field-of-view cone, and switches layers on and off, remembered', async () => {
    const page = await openMap();
    await expect.poll(() => renderedCount(page, 'cameras-icon'), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    expect(await renderedCount(page, 'cameras-fov-fill')).toBeGreaterThanOrEqual(5);
    expect(await renderedCount(page, 'cameras-circle')).toBeGreaterThanOrEqual(5);

    // Close enough to see a cone as a wedge in the screenshot.
    await page.evaluate(([lon, lat]) => window.__toc!.map.jumpTo({ center: [lon!, lat!], zoom: 16 }), [SOTHON.lon, SOTHON.lat]);
    await settled(page);
    const cone = await page.evaluate(() => window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['cameras-fov-fill'] })[0]?.geometry.type);
    expect(cone).toBe('Polygon');
    await page.screenshot({ path: screenshotPath('map-camera-cone') });

    await page.getByTestId('layers-panel').locator('summary').click();
    await page.getByTestId('layer-toggle-cameras').uncheck();
    await expect.poll(() => renderedCount(page, 'cameras-circle')).toBe(0);
    expect(await renderedCount(page, 'cameras-fov-fill')).toBe(0);
    await page.screenshot({ path: screenshotPath('map-layers-cameras-off') });

    // The switch is remembered in this browser.
    await page.reload();
    await page.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 60_000 });
    await page.getByTestId('layers-panel').locator('summary').click();
    expect(await page.getByTestId('layer-toggle-cameras').isChecked()).toBe(false);
    expect(await renderedCount(page, 'cameras-circle')).toBe(0);
    await page.getByTestId('layer-toggle-cameras').check();
    await expect.poll(() => renderedCount(page, 'cameras-circle'), { timeout: 30_000 }).toBeGreaterThan(0);

    await page.getByTestId('legend-panel').locator('summary').click();
    const legend = page.getByTestId('map-legend');
    await legend.waitFor({ state: 'visible' });
    expect(await legend.locator('li').count()).toBeGreaterThan(10);
    await page.screenshot({ path: screenshotPath('map-legend') });
    await page.close();
  });

  it('writes district names on the map in the bundled Sarabun, not the map library’s Latin font stack', async () => {
    const page = await openMap();
    const label = page.locator('.district-label').first();
    await label.waitFor();
    const { family, name, loaded } = await label.evaluate(async (element) => {
      await document.fonts.ready;
      const style = getComputedStyle(element);
      const text = element.textContent ?? '';
      return { family: style.fontFamily, name: text, loaded: document.fonts.check(`${style.fontWeight} ${style.fontSize} Sarabun`, text) };
    });
    expect(name).toMatch(/[\u0E00-\u0E7F]/); // Thai, the default language
    expect(family.split(',')[0]!.replaceAll(/["']/g, '').trim()).toBe('Sarabun');
    expect(loaded).toBe(true);

    // By pixels: the label's text drawn as the map draws it matches the same text in the bundled Sarabun, and not
    // the browser's fallback (boxes on a PC without Thai fonts, another Thai face otherwise).
    await page.evaluate((text) => {
      const source = document.querySelector('.district-label')!;
      const style = getComputedStyle(source);
      const board = document.createElement('div');
      board.style.cssText = 'position:fixed;left:0;top:0;z-index:99999;background:#000;padding:8px;display:flex;flex-direction:column;gap:8px';
      for (const [id, family] of [
        ['as-drawn', style.fontFamily],
        ['sarabun', 'Sarabun'],
        ['fallback', 'monospace'],
      ]) {
        const probe = document.createElement('div');
        probe.dataset.probe = id;
        probe.textContent = text;
        probe.style.cssText = `font-family:${family};font-size:${style.fontSize};font-weight:${style.fontWeight};color:#fff;background:#000;width:320px;height:40px;line-height:40px;white-space:nowrap`;
        board.append(probe);
      }
      document.body.append(board);
    }, name);
    const shot = async (id: string) => {
      const png = await page.locator(`[data-probe="${id}"]`).screenshot();
      return (await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })).data;
    };
    const difference = (a: Buffer, b: Buffer) => {
      let sum = 0;
      for (let i = 0; i < Math.min(a.length, b.length); i++) sum += Math.abs(a[i]! - b[i]!);
      return sum / Math.min(a.length, b.length);
    };
    const [asDrawn, sarabun, fallback] = await Promise.all(['as-drawn', 'sarabun', 'fallback'].map(shot));
    const ink = sarabun!.reduce((sum, v) => sum + v, 0) / sarabun!.length;
    expect(ink).toBeGreaterThan(5); // something was drawn
    expect(difference(asDrawn!, sarabun!)).toBeLessThan(0.5);
    expect(difference(asDrawn!, fallback!)).toBeGreaterThan(3);
    await page.locator('[data-probe="as-drawn"]').screenshot({ path: screenshotPath('map-thai-label-pixels') });
    await page.close();
  });

  it('finds a camera by its Thai name and a sub-district, flies there, and fits the map to a district', async () => {
    const page = await openMap();
    const search = page.getByTestId('map-search');

    await search.fill(SOTHON.nameTh);
    const cameraResult = page.locator('[data-testid="map-search-result"][data-kind="camera"]').first();
    await cameraResult.waitFor();
    await cameraResult.click();
    await settled(page);
    const atCamera = await mapView(page);
    expect(Math.abs(atCamera.lon - SOTHON.lon)).toBeLessThan(0.002);
    expect(Math.abs(atCamera.lat - SOTHON.lat)).toBeLessThan(0.002);
    expect(atCamera.zoom).toBeGreaterThanOrEqual(15.5);
    await page.screenshot({ path: screenshotPath('map-search-camera') });

    // Bang Wua sub-district (Bang Pakong district), named in English this time.
    await search.fill('Bang Wua');
    const subdistrict = page.locator('[data-testid="map-search-result"][data-kind="subdistrict"]').first();
    await subdistrict.waitFor();
    await subdistrict.click();
    await settled(page);
    const atSubdistrict = await mapView(page);
    expect(atSubdistrict.zoom).toBeLessThan(atCamera.zoom);
    expect(atSubdistrict.lon).toBeGreaterThan(100.9);
    expect(atSubdistrict.lon).toBeLessThan(101.1);
    expect(atSubdistrict.lat).toBeGreaterThan(13.4);
    expect(atSubdistrict.lat).toBeLessThan(13.6);
    await page.screenshot({ path: screenshotPath('map-search-subdistrict') });

    // Tha Takiap, the far eastern district: the view moves east and spans the district.
    await page.getByTestId('district-select').selectOption('TH2410');
    await settled(page);
    const atDistrict = await mapView(page);
    expect(atDistrict.lon).toBeGreaterThan(101.5);
    expect(atDistrict.east - atDistrict.west).toBeGreaterThan(0.2);
    expect(atDistrict.zoom).not.toBeCloseTo(atSubdistrict.zoom, 1);
    await page.screenshot({ path: screenshotPath('map-fit-district') });
    await page.close();
  });

  it('shows live tracked objects published on Redis, and drops them when they leave or their camera falls silent', async () => {
    const page = await openMap();
    await page.evaluate(([lon, lat]) => window.__toc!.map.jumpTo({ center: [lon!, lat!], zoom: 15 }), [SOTHON.lon, SOTHON.lat]);
    await settled(page);
    const cameraId = 990_001;
    const objects = Array.from({ length: 12 }, (_, i) => ({
      id: `${cameraId}:${i + 1}`,
      label: ['car', 'person', 'motorcycle', 'truck'][i % 4]!,
      lon: SOTHON.lon + (i % 4) * 0.0008 - 0.0012,
      lat: SOTHON.lat + Math.floor(i / 4) * 0.0008 - 0.0008,
      speedKmh: i % 3 === 0 ? null : 20,
      headingDeg: i % 3 === 0 ? null : i * 30,
    }));
    let current = objects;
    const publish = () => redis.publish(channelNames(queuePrefix).objects, JSON.stringify({ cameraId, at: new Date().toISOString(), objects: current }));
    // About once a second, as a worker would; the page may still be joining the objects room.
    const timer = setInterval(() => void publish(), 1000);
    try {
      await publish();
      await expect.poll(() => renderedCount(page, 'tracked-objects-symbol'), { timeout: 30_000 }).toBe(12);
      await page.screenshot({ path: screenshotPath('map-tracked-objects') });
      // Eight objects left the view: the next message lacks them.
      current = objects.slice(0, 4);
      await expect.poll(() => renderedCount(page, 'tracked-objects-symbol'), { timeout: 15_000 }).toBe(4);
      const ids = await page.evaluate(() =>
        window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['tracked-objects-symbol'] }).map((f) => String(f.properties.id)).sort(),
      );
      expect(ids).toEqual(objects.slice(0, 4).map((o) => o.id).sort());
    } finally {
      clearInterval(timer);
    }
    // The camera falls silent: its objects go after the time-out.
    await expect.poll(() => renderedCount(page, 'tracked-objects-symbol'), { timeout: 20_000 }).toBe(0);
    await page.close();
  });

  it('draws a calibrated camera’s crowd area on the ground, coloured by its latest density', async () => {
    const admin = await tokenFor('admin', process.env.TOC_PASSWORD_ADMIN ?? '');
    const origin = { lon: 101.0772, lat: 13.6795 };
    // A disabled camera (no worker starts it) looking straight down at a 40 m × 20 m square.
    const camera = await api<{ id: number }>(admin, 'POST', '/api/cameras', {
      name: 'E2E crowd square',
      nameTh: 'ลานทดสอบฝูงชน',
      location: origin,
      headingDeg: 0,
      fovDeg: 90,
      rtspUrl: 'rtsp://127.0.0.1:8554/none',
      enabled: false,
    });
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    try {
      const metre = { lon: 1 / (111_320 * Math.cos((origin.lat * Math.PI) / 180)), lat: 1 / 110_574 };
      const ground = (east: number, north: number) => ({ lon: origin.lon + east * metre.lon, lat: origin.lat + north * metre.lat });
      await api(admin, 'PUT', `/api/cameras/${camera.id}/calibration`, {
        pairs: [
          { image: [0, 0], ground: ground(-20, 10) },
          { image: [1, 0], ground: ground(20, 10) },
          { image: [1, 1], ground: ground(20, -10) },
          { image: [0, 1], ground: ground(-20, -10) },
          { image: [0.5, 0.5], ground: ground(0, 0) },
        ],
      });
      const scene = await api<{ zones: { id: number; kind: string }[] }>(admin, 'PUT', `/api/cameras/${camera.id}/scene`, {
        zones: [{ kind: 'crowd_area', name: 'Test square', nameTh: 'ลานทดสอบ', polygon: [[0, 0], [1, 0], [1, 1], [0, 1]], alertAbove: 1, clearBelow: 0.5 }],
        lines: [],
      });
      const zoneId = scene.zones[0]!.id;
      // A count as the crowd rule stores it: 400 people on 800 m².
      await db.connect();
      await db.query('INSERT INTO crowd_counts (camera_id, zone_id, at, count_mean, count_max, density) VALUES ($1, $2, now(), 400, 420, NULL)', [camera.id, zoneId]);

      const page = await openMap();
      await page.evaluate(([lon, lat]) => window.__toc!.map.jumpTo({ center: [lon!, lat!], zoom: 17 }), [origin.lon, origin.lat]);
      await settled(page);
      const zone = async () =>
        page.evaluate(
          (id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['crowd-zones-fill'] }).find((f) => f.properties.zoneId === id)?.properties ?? null,
          zoneId,
        );
      await expect.poll(zone, { timeout: 30_000 }).not.toBeNull();
      const properties = await zone();
      expect(properties!.density).toBeCloseTo(0.5, 2);
      expect(properties!.stale).toBe(false);
      await page.screenshot({ path: screenshotPath('map-crowd-zone') });
      await page.close();
    } finally {
      await db.end().catch(() => undefined);
      await api(admin, 'DELETE', `/api/cameras/${camera.id}`);
    }
  });
  it('draws the ground path of the vehicle involved when an incident is opened', async () => {
    // An incident as a calibrated road camera records it (the demo clips show normal traffic, so none occurs by
    // itself): a stopped vehicle with the 60 m it drove before stopping.
    const start = { lon: 101.0801, lat: 13.6862 };
    const path = Array.from({ length: 7 }, (_, i) => [start.lon + i * 0.0001, start.lat] as [number, number]);
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    let eventId: number;
    try {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO events (type, severity, location, camera_id, started_at, confidence, model_id, payload)
         VALUES ('traffic.incident', 'high', ST_SetSRID(ST_MakePoint($1, $2), 4326), NULL, now(), 0.8, 'yolox_nano_416', $3) RETURNING id`,
        [path[6]![0], path[6]![1], JSON.stringify({ kind: 'stopped_vehicle', positionFrom: 'calibration', trackIds: [5], paths: [{ trackId: 5, label: 'car', path }] })],
      );
      eventId = Number(rows[0]!.id); // a bigint column: pg returns it as a string
    } finally {
      await db.end();
    }
    const page = await openMap();
    await page.getByTestId('alarm-filter-type').selectOption('traffic.incident');
    await page.locator(`[data-testid="event-item"][data-event-id="${eventId}"]`).getByTestId('event-open').click();
    await page.getByTestId('event-detail').waitFor();
    await settled(page);
    const drawn = () =>
      page.evaluate(
        (id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: ['event-tracks-line'] }).filter((f) => f.properties.eventId === id).length,
        eventId,
      );
    await expect.poll(drawn, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('map-event-track') });
    // Closing the detail takes the path off the map.
    await page.getByTestId('event-detail-close').click();
    await expect.poll(drawn, { timeout: 15_000 }).toBe(0);
    await page.close();
    await api(await tokenFor('operator', password), 'POST', `/api/events/${eventId}/resolve`, { note: 'e2e fixture' });
  });
});
