// End-to-end: the video wall — the demo wall's grid and group cycling, the layout editor (server errors shown, the
// layout kept after reload), live frames in the tiles that fill them (names told apart, little black bars), the
// "+N" lists of cameras past the grid and of alarms waiting behind the large tile, and a real camera-trap photo
// taking over the wall until the operator acknowledges it, while a viewer watches without the acknowledge button.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eEnv, launchChromium, resolveHerdWarningsNear, screenshotPath, tokenFor } from './browser';

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
 * instead of opening a new one; a fresh trap next to it opens a new warning once the herds seen around it earlier are
 * closed, as there is one warning per herd.)
 */
/**
 * Acknowledges every open alarm that would take over the wall (left by earlier tests): with a takeover the grid
 * shrinks into a third of the screen, and this test measures the grid's own tiles.
 */
async function acknowledgeTakeovers(): Promise<void> {
  const token = await tokenFor('operator', password);
  const headers = { authorization: `Bearer ${token}` };
  for (const type of ['traffic.accident', 'elephant.warning', 'crowd.alert']) {
    const reply = await fetch(`${baseUrl}/api/events?status=open&type=${type}&limit=500`, { headers });
    const { items } = (await reply.json()) as { items: { id: number }[] };
    for (const { id } of items) {
      await fetch(`${baseUrl}/api/events/${id}/acknowledge`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    }
  }
}

async function postElephantStillFromFreshTrap(
  at?: { lon: number; lat: number },
): Promise<{ sightingId: number; warningId: number; trapName: { en: string; th: string } }> {
  const admin = await tokenFor('admin', adminPassword);
  const traps = (await (await api(admin, '/api/traps')).json()) as { location: { lon: number; lat: number } }[];
  // By default next to the demo trap; a second herd with its own warning needs a place over 0.2° away.
  const location = at ?? { lon: traps[0]!.location.lon + 0.01, lat: traps[0]!.location.lat };
  await resolveHerdWarningsNear(admin, location);
  const run = Date.now();
  const trapName = { en: `Forest edge, wall test ${run}`, th: `ชายป่า ทดสอบวอลล์ ${run}` };
  const created = await api(admin, '/api/traps', {
    method: 'POST',
    body: { name: trapName.en, nameTh: trapName.th, location },
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
    // The control room's smaller screens: the same wall at 1366×768.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(framesDrawn, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('wall-1366') });
    await page.close();
  });

  it('tells tiles apart by the end of their names and fills them with the picture (black bars under 15 %)', async () => {
    // A small screen, so the long names cannot be shown whole.
    await acknowledgeTakeovers();
    const page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
    await openWall(page, 'operator', password);
    await expect.poll(() => page.getByTestId('wall-takeover').count(), { timeout: 15_000 }).toBe(0);
    const count = demoWall.groups[0]!.cameraIds.length;
    await expect.poll(() => gridTiles(page).count(), { timeout: 15_000 }).toBe(count);

    const captions = await gridTiles(page).evaluateAll((tiles) =>
      tiles.map((tile) => {
        const caption = tile.querySelector('figcaption')!;
        const tail = tile.querySelector<HTMLElement>('[data-testid="wall-title-tail"]')!;
        const head = tile.querySelector('.wall-title-head')?.textContent ?? '';
        // The first word of the tail is what tells two names apart: it must lie inside the tail's visible box.
        const first = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(tail.textContent ?? '')].find((s) => s.isWordLike)!;
        const range = document.createRange();
        range.setStart(tail.firstChild!, first.index);
        range.setEnd(tail.firstChild!, first.index + first.segment.length);
        const word = range.getBoundingClientRect();
        const box = tail.getBoundingClientRect();
        return {
          name: caption.title,
          shown: head.replace(/\u00a0/g, ' ') + tail.textContent,
          firstWord: first.segment,
          firstWordVisible: box.width > 0 && word.left >= box.left - 1 && word.right <= box.right + 1,
        };
      }),
    );
    for (const caption of captions) {
      // The whole name is the tooltip, and nothing of it is lost from the caption's text.
      expect(caption.shown).toBe(caption.name);
      expect(caption.firstWordVisible, `"${caption.firstWord}" of "${caption.name}" is visible`).toBe(true);
    }
    expect(new Set(captions.map((c) => c.firstWord)).size, JSON.stringify(captions)).toBe(count);
    // The two Route 304 cameras, which used to read the same.
    const route304 = captions.filter((c) => /304/.test(c.name));
    expect(route304).toHaveLength(2);
    expect(route304[0]!.firstWord).not.toBe(route304[1]!.firstWord);

    // Black bars: the share of each tile the picture, shown whole, leaves uncovered.
    const uncovered = () =>
      gridTiles(page).evaluateAll((tiles) =>
        tiles.map((tile) => {
          const picture = Number(tile.querySelector('canvas')?.dataset.pictureAspect ?? Number.NaN);
          const { width, height } = tile.getBoundingClientRect();
          const scale = Math.min(width / picture, height);
          return 1 - (picture * scale * scale) / (width * height);
        }),
      );
    await expect.poll(async () => (await uncovered()).every((share) => share < 0.15), { timeout: 60_000, interval: 1000 }).toBe(true);
    console.log('wall tiles left uncovered (share of the tile):', (await uncovered()).map((share) => share.toFixed(3)).join(', '));
    await page.screenshot({ path: screenshotPath('wall-tiles-fit') });
    await page.close();
  });

  it('lists the cameras past the grid on "+N cameras" and opens one of them', async () => {
    const group = demoWall.groups[0]!;
    const body = { name: demoWall.name, nameTh: demoWall.nameTh, rows: 1, cols: 1, cycleSeconds: 0, groups: demoWall.groups };
    expect((await api(operatorToken, `/api/walls/${demoWall.id}`, { method: 'PUT', body })).status).toBe(200);
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await openWall(page, 'operator', password);
      const more = page.getByTestId('wall-more-cameras');
      await more.waitFor();
      expect(await more.getAttribute('data-count')).toBe(String(group.cameraIds.length - 1));
      expect(await more.textContent()).toMatch(/อีก \d+ กล้อง|\+\d+ cameras/);
      await more.click();
      const list = page.getByTestId('wall-more-cameras-list');
      await expect.poll(() => list.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      const listed = await page.getByTestId('wall-more-camera').evaluateAll((links) => links.map((a) => Number(a.getAttribute('data-camera-id'))));
      expect(listed).toEqual(group.cameraIds.slice(1));
      await page.screenshot({ path: screenshotPath('wall-more-cameras') });
      // Escape closes the list; a camera in it opens its camera page.
      await page.keyboard.press('Escape');
      await expect.poll(() => list.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
      await more.click();
      await page.locator(`[data-testid="wall-more-camera"][data-camera-id="${listed[0]}"]`).click();
      await expect.poll(() => page.getByTestId('camera-page').getAttribute('data-camera-id')).toBe(String(listed[0]));
      await page.close();
    } finally {
      await restoreDemoLayout();
    }
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

  it('lists the alarms waiting behind the large tile on "+N more", by keyboard too, and shows the one chosen', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openWall(page, 'operator', password);
    const earlier = await postElephantStillFromFreshTrap();
    // Another herd, about 50 km away: one herd has one warning, so a second warning needs a second herd.
    const later = await postElephantStillFromFreshTrap({ lon: 101.35, lat: 13.75 });
    try {
      // The newest critical alarm has the large tile; the earlier one waits behind it.
      await page.locator(`[data-testid="wall-takeover"][data-event-id="${later.warningId}"]`).waitFor({ timeout: 30_000 });
      const more = page.getByTestId('takeover-more');
      await expect.poll(() => more.getAttribute('data-count').then(Number)).toBeGreaterThanOrEqual(1);
      expect(await more.textContent()).toMatch(/อีก \d+ รายการ|\+\d+ more/);
      const list = page.getByTestId('takeover-more-list');
      const isOpen = () => list.evaluate((d: HTMLDialogElement) => d.open);

      // By keyboard: Enter opens the list with the focus in it; A does not acknowledge behind it; Escape closes it
      // and gives the focus back to the button.
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(isOpen).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="takeover-more-list"]') !== null)).toBe(true);
      const items = page.getByTestId('takeover-more-item');
      expect(await items.count()).toBe(Number(await more.getAttribute('data-count')));
      const listed = await items.evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-event-id'))));
      expect(listed).toContain(earlier.warningId);
      expect(listed).not.toContain(later.warningId);
      await page.screenshot({ path: screenshotPath('wall-more-alarms') });
      await page.keyboard.press('a');
      await page.keyboard.press('Escape');
      await expect.poll(isOpen).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('takeover-more');
      const stillOpen = (await (await api(operatorToken, `/api/events/${later.warningId}`)).json()) as { status: string };
      expect(stillOpen.status).toBe('open');

      // Choosing the earlier alarm puts it on the large tile until it is acknowledged; then the newest is back.
      await more.click();
      await page.locator(`[data-testid="takeover-more-item"][data-event-id="${earlier.warningId}"]`).click();
      const chosen = page.locator(`[data-testid="wall-takeover"][data-event-id="${earlier.warningId}"]`);
      await chosen.waitFor();
      expect([earlier.trapName.en, earlier.trapName.th]).toContain(await chosen.getByTestId('takeover-place').textContent());
      await chosen.getByTestId('takeover-acknowledge').click();
      await chosen.waitFor({ state: 'detached', timeout: 15_000 });
      await page.locator(`[data-testid="wall-takeover"][data-event-id="${later.warningId}"]`).waitFor({ timeout: 15_000 });
    } finally {
      // Leave no open warning of this test behind for the other wall tests.
      for (const id of [earlier.warningId, later.warningId]) {
        const event = (await (await api(operatorToken, `/api/events/${id}`)).json()) as { status: string };
        if (event.status === 'open') await api(operatorToken, `/api/events/${id}/acknowledge`, { method: 'POST', body: {} });
      }
      await page.close();
    }
  });
});
