// End-to-end: the video wall — the demo wall's grid and group cycling, the layout editor (server errors shown, the
// layout kept after reload), live frames in the tiles, and a real camera-trap photo taking over the wall until the
// operator acknowledges it, while a viewer watches without the acknowledge button.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eEnv, launchChromium, screenshotPath, tokenFor } from './browser';

const { baseUrl, password, sharedDir } = e2eEnv();
const adminPassword = process.env.TOC_PASSWORD_ADMIN ?? '';
const viewerPassword = process.env.TOC_PASSWORD_VIEWER ?? '';

interface WallGroup {
  name: string;
  nameTh: string;
  cameraIds: number[];
}
interface Wall {
  id: number;
  name: string;
  nameTh: string;
  rows: number;
  cols: number;
  cycleSeconds: number;
  groups: WallGroup[];
}

let browser: Browser;
let operatorToken = '';
let demoWall: Wall;

const api = (token: string, url: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${baseUrl}${url}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

/** The demo wall as seeded: 2×2, cycling every 20 s between the road cameras and the town cameras. */
async function restoreDemoLayout(): Promise<void> {
  const { id: _id, ...layout } = demoWall;
  const body = { name: layout.name, nameTh: layout.nameTh, rows: 2, cols: 2, cycleSeconds: 20, groups: layout.groups };
  expect((await api(operatorToken, `/api/walls/${demoWall.id}`, { method: 'PUT', body })).status).toBe(200);
}

/**
 * A camera trap registered for this run sends the real elephant photo, as a trap at the forest edge would. (A trap's
 * stills within 30 minutes are one sighting, so the demo trap would update an earlier, maybe acknowledged, warning
 * instead of opening a new one; a fresh trap next to it always opens a new warning.)
 */
async function postElephantStillFromFreshTrap(): Promise<{ sightingId: number; warningId: number; trapName: { en: string; th: string } }> {
  const admin = await tokenFor('admin', adminPassword);
  const traps = (await (await api(admin, '/api/traps')).json()) as { location: { lon: number; lat: number } }[];
  const run = Date.now();
  const trapName = { en: `Forest edge, wall test ${run}`, th: `ชายป่า ทดสอบวอลล์ ${run}` };
  const created = await api(admin, '/api/traps', {
    method: 'POST',
    body: { name: trapName.en, nameTh: trapName.th, location: { lon: traps[0]!.location.lon + 0.01, lat: traps[0]!.location.lat } },
  });
  expect(created.status).toBe(201);
  const { trap, key } = (await created.json()) as { trap: { id: number }; key: string };
  const image = await readFile(path.join(sharedDir, 'media', 'cameratrapai_african_elephants.jpg'));
  const reply = await fetch(`${baseUrl}/api/traps/${trap.id}/images`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-trap-key': key },
    body: image,
  });
  expect(reply.status).toBe(200);
  const { eventIds } = (await reply.json()) as { eventIds: number[] };
  expect(eventIds).toHaveLength(2);
  return { sightingId: eventIds[0]!, warningId: eventIds[1]!, trapName };
}

/** Signs in on the wall page itself: the route survives sign-in. */
async function openWall(page: Page, username: string, secret: string): Promise<void> {
  await page.goto(`${baseUrl}/#/wall`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(secret);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('wall-grid').waitFor({ timeout: 30_000 });
}

const gridTiles = (page: Page) => page.locator('[data-testid="wall-grid"] [data-testid="live-tile"]');

beforeAll(async () => {
  browser = await launchChromium();
  operatorToken = await tokenFor('operator', password);
  const walls = (await (await api(operatorToken, '/api/walls')).json()) as Wall[];
  demoWall = walls.find((w) => w.name === 'Main wall')!;
  expect(demoWall).toBeDefined();
  await restoreDemoLayout();
});

afterAll(async () => {
  if (demoWall) await restoreDemoLayout();
  await browser?.close();
});

describe('video wall', () => {
  it('shows the demo wall: a 2×2 grid of the road cameras, then the town cameras on "next"', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openWall(page, 'operator', password);
    const grid = page.getByTestId('wall-grid');
    expect([await grid.getAttribute('data-rows'), await grid.getAttribute('data-cols')]).toEqual(['2', '2']);
    await expect.poll(() => gridTiles(page).count(), { timeout: 15_000 }).toBe(demoWall.groups[0]!.cameraIds.length);
    expect(await page.getByTestId('wall-empty-slot').count()).toBe(4 - demoWall.groups[0]!.cameraIds.length);
    expect(await gridTiles(page).evaluateAll((tiles) => tiles.map((t) => Number(t.getAttribute('data-camera-id'))))).toEqual(
      demoWall.groups[0]!.cameraIds,
    );
    expect(await page.getByTestId('wall-group-name').textContent()).toMatch(/Roads|ถนนสายหลัก/);
    // Each tile names its camera and its status.
    expect(await gridTiles(page).first().locator('.live-title').textContent()).toMatch(/Route 304|ทางหลวง 304/);
    expect(await page.getByTestId('wall-camera-status').count()).toBe(demoWall.groups[0]!.cameraIds.length);
    await page.screenshot({ path: screenshotPath('wall-grid') });

    await page.getByTestId('wall-next').click();
    await expect.poll(() => page.getByTestId('wall-group-name').textContent()).toMatch(/Town|ในเมือง/);
    await expect.poll(() => gridTiles(page).count()).toBe(demoWall.groups[1]!.cameraIds.length);
    await page.getByTestId('wall-pause').click();
    expect(await page.getByTestId('wall-pause').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('draws live frames in the tiles', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openWall(page, 'operator', password);
    const framesDrawn = () =>
      page.locator('[data-testid="wall-grid"] canvas').evaluateAll((canvases) => Math.max(0, ...canvases.map((c) => Number(c.getAttribute('data-frames') ?? 0))));
    await expect.poll(framesDrawn, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('wall-live-frames') });
    await page.close();
  });

  it('lets the operator change the layout to 3 columns × 2 rows, shows a refusal from the server, and keeps it after reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openWall(page, 'operator', password);
    await page.getByTestId('wall-edit').click();
    const editor = page.getByTestId('wall-editor');
    await editor.waitFor();
    await page.getByTestId('wall-editor-rows').selectOption('2');
    await page.getByTestId('wall-editor-cols').selectOption('3');
    // Too short a period: the server says why, in the UI language, and nothing is saved.
    await page.getByTestId('wall-editor-cycle').fill('3');
    await page.getByTestId('wall-editor-save').click();
    await expect.poll(() => page.getByTestId('wall-editor-error').textContent()).toMatch(/cycleSeconds/);
    await page.screenshot({ path: screenshotPath('wall-editor') });
    expect(((await (await api(operatorToken, `/api/walls/${demoWall.id}`)).json()) as Wall).cols).toBe(2);

    await page.getByTestId('wall-editor-cycle').fill('30');
    await page.getByTestId('wall-editor-save').click();
    await editor.waitFor({ state: 'detached' });
    const grid = page.getByTestId('wall-grid');
    expect([await grid.getAttribute('data-rows'), await grid.getAttribute('data-cols')]).toEqual(['2', '3']);

    await page.reload();
    await grid.waitFor();
    expect([await grid.getAttribute('data-rows'), await grid.getAttribute('data-cols')]).toEqual(['2', '3']);
    expect(await page.getByTestId('wall-empty-slot').count()).toBe(6 - demoWall.groups[0]!.cameraIds.length);
    expect((await (await api(operatorToken, `/api/walls/${demoWall.id}`)).json()) as Wall).toMatchObject({ rows: 2, cols: 3, cycleSeconds: 30 });
    await page.screenshot({ path: screenshotPath('wall-3x2') });
    await page.close();
  });

  it('hands the wall to a new elephant warning until the operator acknowledges it; a viewer watches without acting', async () => {
    const operator = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const viewer = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openWall(operator, 'operator', password);
    await openWall(viewer, 'viewer', viewerPassword);
    expect(await viewer.getByTestId('wall-edit').count()).toBe(0);
    // Sound is off until someone turns it on (that click is what lets the browser play it).
    const sound = operator.getByTestId('wall-sound');
    expect(await sound.getAttribute('data-enabled')).toBe('false');
    await sound.click();
    await expect.poll(() => sound.getAttribute('data-blocked')).toBe('false');

    const { sightingId, warningId, trapName } = await postElephantStillFromFreshTrap();
    const takeover = operator.locator(`[data-testid="wall-takeover"][data-event-id="${warningId}"]`);
    await takeover.waitFor({ timeout: 30_000 });
    expect(await takeover.getByTestId('takeover-type').textContent()).toMatch(/Elephant warning|เตือนภัยช้างป่า/);
    // The warning names the trap of the sighting that raised it, in the UI language (Thai by default).
    expect([trapName.en, trapName.th]).toContain(await takeover.getByTestId('takeover-place').textContent());
    expect(await takeover.getByTestId('takeover-time').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await takeover.getByTestId('warned-places').locator('tr').count()).toBeGreaterThan(0);
    // No camera at a trap: the sighting's snapshot stands in for the live picture.
    const snapshot = takeover.getByTestId('takeover-snapshot');
    await snapshot.waitFor();
    await expect.poll(() => snapshot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await expect.poll(() => sound.getAttribute('data-played')).not.toBe('0');
    await operator.screenshot({ path: screenshotPath('wall-takeover') });

    const viewerTakeover = viewer.locator(`[data-testid="wall-takeover"][data-event-id="${warningId}"]`);
    await viewerTakeover.waitFor({ timeout: 30_000 });
    expect([trapName.en, trapName.th]).toContain(await viewerTakeover.getByTestId('takeover-place').textContent());
    expect(await viewerTakeover.getByTestId('takeover-acknowledge').count()).toBe(0);
    expect(await viewerTakeover.getByTestId('takeover-snapshot').count()).toBe(0);
    await viewer.screenshot({ path: screenshotPath('wall-takeover-viewer') });

    await takeover.getByTestId('takeover-acknowledge').click();
    await takeover.waitFor({ state: 'detached', timeout: 15_000 });
    // The viewer's wall follows the acknowledgement live.
    await viewerTakeover.waitFor({ state: 'detached', timeout: 15_000 });
    const acknowledged = (await (await api(operatorToken, `/api/events/${warningId}`)).json()) as { status: string; acknowledgedBy: string };
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'operator' });
    // The sighting is not a takeover type: it stays open for the elephant page.
    expect(((await (await api(operatorToken, `/api/events/${sightingId}`)).json()) as { status: string }).status).toBe('open');
    await operator.screenshot({ path: screenshotPath('wall-after-acknowledge') });
    await operator.close();
    await viewer.close();
  });
});
