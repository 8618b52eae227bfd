// End-to-end: the camera set-up page on the running system — zones drawn on the real still picture, the server's
// refusal of a self-crossing zone, calibration pairs placed on the picture and the map, and read-only views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MapLibreMap } from 'maplibre-gl';
import type { CalibrationPair, Camera, CameraScene, CameraSceneInput } from '@toc/server/schemas';
import { streetCalibrationPairs } from '@toc/server/db/demo-scenes';
import { e2eEnv, launchChromium, screenshotPath, passwordOf, tokenFor } from './browser';

declare global {
  interface Window {
    __tocCalibrationMap?: { map: MapLibreMap; ready: boolean };
  }
}

const { baseUrl } = e2eEnv();
const CAMERA_ID = 1;

async function api<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  const reply = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
  if (!reply.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${reply.status} ${await reply.text()}`);
  return (reply.status === 204 ? undefined : await reply.json()) as T;
}

const sceneInputOf = (scene: CameraScene): CameraSceneInput => ({
  zones: scene.zones.map(({ id: _id, cameraId: _camera, ...zone }) => zone),
  lines: scene.lines.map(({ id: _id, cameraId: _camera, ...line }) => line),
});

async function openCameraPage(page: Page, username: 'admin' | 'operator' | 'viewer'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(passwordOf(username));
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-badge').waitFor();
  await page.goto(`${baseUrl}/#/camera/${CAMERA_ID}`);
  await page.getByTestId('camera-title').waitFor();
}

/** Clicks the picture at an image point given as fractions of its width and height. */
async function clickPicture(page: Page, testId: string, [x, y]: readonly [number, number]): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  await page.mouse.click(box.x + x * box.width, box.y + y * box.height);
}

/** Clicks the calibration mini-map where it shows a lon/lat (the place must be in view). */
async function clickMap(page: Page, lon: number, lat: number): Promise<void> {
  const at = await page.evaluate(
    ([ln, lt]) => {
      const map = window.__tocCalibrationMap!.map;
      const point = map.project([ln, lt]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y, inView: point.x > 0 && point.y > 0 && point.x < rect.width && point.y < rect.height };
    },
    [lon, lat] as const,
  );
  expect(at.inView).toBe(true);
  await page.mouse.click(at.x, at.y);
}

async function placePairs(page: Page, pairs: readonly CalibrationPair[]): Promise<void> {
  const rows = page.getByTestId('calib-pair');
  const before = await rows.count();
  for (const [i, pair] of pairs.entries()) {
    await clickPicture(page, 'calib-surface', pair.image);
    await clickMap(page, pair.ground.lon, pair.ground.lat);
    await expect.poll(() => rows.count()).toBe(before + i + 1);
  }
}

async function removeAllPairs(page: Page): Promise<void> {
  const remove = page.getByTestId('calib-pair-remove');
  while ((await remove.count()) > 0) await remove.first().click();
}

let browser: Browser;
let admin: string;
let camera: Camera;
let original: CameraScene;

beforeAll(async () => {
  browser = await launchChromium();
  admin = await tokenFor('admin');
  camera = await api<Camera>(admin, `/api/cameras/${CAMERA_ID}`);
  original = await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`);
});

afterAll(async () => {
  await browser?.close();
  // Leave the demo camera as it was, so the test can run again and other tests see the demo scene.
  if (original) {
    await api(admin, `/api/cameras/${CAMERA_ID}/scene`, { method: 'PUT', body: JSON.stringify(sceneInputOf(original)) });
    if (original.calibration) {
      await api(admin, `/api/cameras/${CAMERA_ID}/calibration`, { method: 'PUT', body: JSON.stringify({ pairs: original.calibration.pairs }) });
    }
  }
});

describe('camera set-up', () => {
  it('lets the admin draw a crowd zone on the still picture and save it', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openCameraPage(page, 'admin');
    await page.locator('[data-testid="frame-surface"][data-frame="ready"]').waitFor({ timeout: 30_000 });
    // The saved demo zones and counting line are drawn over the picture.
    await expect.poll(() => page.getByTestId('zone-shape').count()).toBe(original.zones.length);
    expect(await page.getByTestId('line-shape').count()).toBe(original.lines.length);

    const corners: [number, number][] = [[0.62, 0.08], [0.92, 0.08], [0.92, 0.3], [0.62, 0.3]];
    await page.getByTestId('zone-new').click();
    for (const corner of corners) await clickPicture(page, 'frame-surface', corner);
    // Clicking the first corner again closes the zone.
    await clickPicture(page, 'frame-surface', corners[0]!);
    await page.getByTestId('zone-form').waitFor();
    // The closed zone is selected: drag its second corner a little further out.
    const box = (await page.getByTestId('frame-surface').boundingBox())!;
    const at = ([x, y]: readonly [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
    await page.mouse.move(...at(corners[1]!));
    await page.mouse.down();
    await page.mouse.move(...at([0.94, 0.06]), { steps: 5 });
    await page.mouse.up();
    corners[1] = [0.94, 0.06];
    await page.getByTestId('zone-kind').selectOption('crowd_area');
    await page.getByTestId('zone-name-th').fill('ลานจอดรถทดสอบ');
    await page.getByTestId('zone-name').fill('Test car park');
    await page.getByTestId('zone-alert-above').fill('6');
    await page.getByTestId('zone-clear-below').fill('3');
    expect(await page.getByTestId('draft-problems').count()).toBe(0);
    await page.getByTestId('scene-save').click();
    await page.getByTestId('scene-saved').waitFor();

    const saved = await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`);
    const zone = saved.zones.find((z) => z.name === 'Test car park');
    expect(zone).toMatchObject({ kind: 'crowd_area', nameTh: 'ลานจอดรถทดสอบ', alertAbove: 6, clearBelow: 3 });
    expect(zone!.polygon).toHaveLength(4);
    zone!.polygon.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(corners[i]![0], 2);
      expect(y).toBeCloseTo(corners[i]![1], 2);
    });
    expect(saved.zones).toHaveLength(original.zones.length + 1);
    await page.screenshot({ path: screenshotPath('camera-setup-zone-saved'), fullPage: true });
    await page.close();
  });

  it('lets the admin draw a roadway with its travel direction and a counting line, and reverse the line', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openCameraPage(page, 'admin');
    await page.locator('[data-testid="frame-surface"][data-frame="ready"]').waitFor({ timeout: 30_000 });
    const before = await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`);
    await expect.poll(() => page.getByTestId('zone-shape').count()).toBe(before.zones.length);

    await page.getByTestId('zone-new').click();
    for (const corner of [[0.66, 0.45], [0.98, 0.45], [0.98, 0.95], [0.66, 0.95]] as const) await clickPicture(page, 'frame-surface', corner);
    await page.getByTestId('zone-finish').click();
    // A new zone is a roadway: it needs a direction before the server will take it.
    expect(await page.getByTestId('zone-kind').inputValue()).toBe('roadway');
    await page.getByTestId('zone-name-th').fill('ช่องทางขาออก');
    await page.getByTestId('zone-name').fill('Outbound carriageway');
    await expect.poll(() => page.getByTestId('draft-problems').textContent()).toMatch(/ทิศทาง|direction/);
    await page.getByTestId('zone-direction-draw').click();
    // Traffic goes from the bottom of the picture towards the top.
    await clickPicture(page, 'frame-surface', [0.82, 0.85]);
    await clickPicture(page, 'frame-surface', [0.8, 0.55]);
    await page.locator('[data-testid="zone-shape"][data-name="Outbound carriageway"] [data-testid="zone-direction"]').waitFor();
    expect(await page.getByTestId('draft-problems').count()).toBe(0);

    await page.getByTestId('line-new').click();
    await clickPicture(page, 'frame-surface', [0.68, 0.7]);
    await clickPicture(page, 'frame-surface', [0.96, 0.7]);
    await page.getByTestId('line-name-th').fill('เส้นนับขาออก');
    await page.getByTestId('line-name').fill('Outbound count line');
    await page.getByTestId('line-reverse').click();
    await page.getByTestId('scene-save').click();
    await page.getByTestId('scene-saved').waitFor();
    await page.screenshot({ path: screenshotPath('camera-setup-roadway-line'), fullPage: true });

    const saved = await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`);
    const road = saved.zones.find((z) => z.name === 'Outbound carriageway')!;
    expect(road.kind).toBe('roadway');
    expect(road.direction![0]).toBeCloseTo(-0.02, 2);
    expect(road.direction![1]).toBeCloseTo(-0.3, 2);
    const line = saved.lines.find((l) => l.name === 'Outbound count line')!;
    // Reversed: B became A, so a crossing up the picture (the outbound traffic) counts as forward.
    expect(line.points[0][0]).toBeCloseTo(0.96, 2);
    expect(line.points[1][0]).toBeCloseTo(0.68, 2);
    await page.close();
  });

  it('shows a self-crossing zone as wrong at once and does not offer to save it, changing nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openCameraPage(page, 'admin');
    await page.locator('[data-testid="frame-surface"][data-frame="ready"]').waitFor({ timeout: 30_000 });
    const before = await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`);
    await expect.poll(() => page.getByTestId('zone-shape').count()).toBe(before.zones.length);

    await page.getByTestId('zone-new').click();
    for (const corner of [[0.5, 0.05], [0.7, 0.25], [0.7, 0.05], [0.5, 0.25]] as const) await clickPicture(page, 'frame-surface', corner);
    await page.getByTestId('zone-finish').click();
    await page.getByTestId('zone-kind').selectOption('sidewalk');
    await page.getByTestId('zone-name-th').fill('โบว์ไท');
    await page.getByTestId('zone-name').fill('Bow tie');
    // Instant feedback, in the chosen language (Thai by default), before anything is sent.
    await expect.poll(() => page.getByTestId('draft-problems').textContent()).toMatch(/ตัดกันเอง|crosses itself/);
    expect(await page.locator('[data-testid="zone-shape"][data-problem="true"]').count()).toBe(1);

    // Saving waits until the problem is fixed (the server would refuse it: its own check is a medium test's subject).
    expect(await page.getByTestId('scene-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('scene-save-blocked').textContent()).toMatch(/แก้ไขปัญหา/);
    await page.screenshot({ path: screenshotPath('camera-setup-zone-refused'), fullPage: true });

    // The same problem in English once the language is switched.
    await page.locator('.lang-option', { hasText: 'EN' }).click();
    await expect.poll(() => page.getByTestId('draft-problems').textContent()).toMatch(/crosses itself/);

    expect(await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`)).toEqual(before);
    await page.getByTestId('scene-cancel').click();
    await expect.poll(() => page.getByTestId('zone-shape').count()).toBe(before.zones.length);
    await page.close();
  });

  it('places calibration pairs on the picture and the map, refuses collinear points, checks the error in metres and saves', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
    await openCameraPage(page, 'admin');
    await page.getByTestId('setup-tab-calibration').click();
    await page.locator('[data-testid="calib-surface"][data-frame="ready"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => window.__tocCalibrationMap?.ready === true, undefined, { timeout: 60_000 });
    // The camera's view is drawn as a wedge, so one knows where on the map the picture's points lie.
    await expect
      .poll(() => page.evaluate(() => window.__tocCalibrationMap!.map.queryRenderedFeatures(undefined, { layers: ['calib-view-cone-fill'] }).length))
      .toBeGreaterThan(0);
    // The saved demo calibration is listed with its numbered points.
    expect(await page.getByTestId('calib-saved').getAttribute('data-saved')).toBe('true');
    expect(await page.getByTestId('calib-image-point').count()).toBe(original.calibration!.pairs.length);

    const demo = streetCalibrationPairs(camera.location, camera.headingDeg);
    await removeAllPairs(page);

    // Four picture points on one line cannot fix a ground plane: the server says why.
    await placePairs(
      page,
      demo.slice(0, 4).map((pair, i) => ({ image: [0.2 + 0.15 * i, 0.9] as [number, number], ground: pair.ground })),
    );
    await page.getByTestId('calib-check').click();
    await expect.poll(() => page.getByTestId('calib-error').textContent()).toMatch(/เส้นตรงเดียวกัน|on one line/);
    await page.screenshot({ path: screenshotPath('camera-setup-calibration-collinear'), fullPage: true });

    await removeAllPairs(page);
    await placePairs(page, demo);
    expect(await page.getByTestId('calib-map-marker').count()).toBe(demo.length);
    await page.getByTestId('calib-check').click();
    const result = page.getByTestId('calib-result');
    await expect.poll(() => result.textContent()).toMatch(/\d.*(ม\.|m)/);
    const meanM = Number(await result.getAttribute('data-mean-m'));
    // The demo pairs are a real (approximate) layout: a sensible fit is within a few metres.
    expect(meanM).toBeGreaterThanOrEqual(0);
    expect(meanM).toBeLessThan(5);
    expect(await page.getByTestId('calib-pair-error').allTextContents()).not.toContain('–');
    await page.screenshot({ path: screenshotPath('camera-setup-calibration-checked'), fullPage: true });

    await page.getByTestId('calib-save').click();
    await expect.poll(async () => (await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`)).calibration?.updatedAt).not.toBe(
      original.calibration?.updatedAt,
    );
    const saved = (await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`)).calibration!;
    expect(saved.pairs).toHaveLength(demo.length);
    saved.pairs.forEach((pair, i) => {
      expect(pair.image[0]).toBeCloseTo(demo[i]!.image[0], 2);
      expect(pair.image[1]).toBeCloseTo(demo[i]!.image[1], 2);
      // A map click lands within a pixel (well under a metre at this zoom) of the place aimed at.
      expect(Math.abs(pair.ground.lat - demo[i]!.ground.lat) * 110_574).toBeLessThan(1.5);
    });

    // Deleting asks for a confirmation, then the camera is uncalibrated.
    await page.getByTestId('calib-delete').click();
    await page.getByTestId('calib-delete-confirm').click();
    await expect.poll(() => page.getByTestId('calib-saved').getAttribute('data-saved')).toBe('false');
    expect((await api<CameraScene>(admin, `/api/cameras/${CAMERA_ID}/scene`)).calibration).toBeNull();
    // Put the demo calibration back for the read-only views that follow.
    await api(admin, `/api/cameras/${CAMERA_ID}/calibration`, { method: 'PUT', body: JSON.stringify({ pairs: original.calibration!.pairs }) });
    await page.close();
  });

  for (const role of ['operator', 'viewer'] as const) {
    it(`shows the ${role} the live view, health and the set-up, read-only`, async () => {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await openCameraPage(page, role);
      await page.getByTestId('live-tile').waitFor();
      await page.getByTestId('setup-readonly').waitFor();
      await page.locator('[data-testid="frame-surface"][data-frame="ready"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('zone-shape').count()).toBeGreaterThan(0);
      for (const editor of ['zone-new', 'line-new', 'scene-save', 'zone-form']) expect(await page.getByTestId(editor).count()).toBe(0);
      await page.getByTestId('setup-tab-calibration').click();
      await page.getByTestId('calib-pairs').waitFor();
      for (const editor of ['calib-check', 'calib-save', 'calib-delete', 'calib-pair-remove']) expect(await page.getByTestId(editor).count()).toBe(0);
      await page.screenshot({ path: screenshotPath(`camera-setup-${role}`), fullPage: true });
      await page.close();
    });
  }

  it('says why when a camera cannot give a still picture, and still lets the admin draw on a blank surface', async () => {
    // A disabled camera (no worker picks it up) whose stream address answers nothing.
    const broken = await api<Camera>(admin, '/api/cameras', {
      method: 'POST',
      body: JSON.stringify({
        name: 'E2E unreachable camera',
        nameTh: 'กล้องทดสอบที่ติดต่อไม่ได้',
        location: camera.location,
        headingDeg: 0,
        fovDeg: 60,
        rtspUrl: 'rtsp://127.0.0.1:9/nothing-here',
        enabled: false,
      }),
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await openCameraPage(page, 'admin');
      await page.goto(`${baseUrl}/#/camera/${broken.id}`);
      await expect.poll(() => page.getByTestId('camera-title').textContent()).toBe('กล้องทดสอบที่ติดต่อไม่ได้');
      const reason = page.getByTestId('frame-error');
      await reason.waitFor({ timeout: 30_000 });
      expect(await reason.textContent()).toMatch(/กล้องไม่ส่งภาพ/);
      expect(await page.getByTestId('zone-new').count()).toBe(1);
      await page.screenshot({ path: screenshotPath('camera-setup-no-picture') });
      await page.close();
    } finally {
      await api(admin, `/api/cameras/${broken.id}`, { method: 'DELETE' });
    }
  });

  it('lets the admin store and replace a camera password that is never shown again, and hides the tab from others', async () => {
    const password = 'e2e-Cam-pa55-9Xq';
    const target = await api<Camera>(admin, '/api/cameras', {
      method: 'POST',
      body: JSON.stringify({
        name: 'E2E camera with a password',
        nameTh: 'กล้องทดสอบที่มีรหัสผ่าน',
        location: camera.location,
        headingDeg: 0,
        fovDeg: 60,
        rtspUrl: 'rtsp://127.0.0.1:9/locked',
        enabled: false,
      }),
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await openCameraPage(page, 'admin');
      await page.goto(`${baseUrl}/#/camera/${target.id}`);
      await page.getByTestId('setup-tab-stream').click();
      expect(await page.getByTestId('stream-url').inputValue()).toBe('rtsp://127.0.0.1:9/locked');
      expect(await page.getByTestId('stream-credentials-state').getAttribute('data-set')).toBe('false');

      await page.getByTestId('stream-username').fill('operator1');
      await page.getByTestId('stream-password').fill(password);
      await page.getByTestId('stream-credentials-save').click();
      await page.getByTestId('stream-saved').waitFor();
      expect(await page.getByTestId('stream-credentials-state').getAttribute('data-set')).toBe('true');
      // Gone from the form and from everything the page holds or fetched.
      expect(await page.getByTestId('stream-password').inputValue()).toBe('');
      expect(await page.content()).not.toContain(password);
      const stored = await api<Camera>(admin, `/api/cameras/${target.id}`);
      expect(JSON.stringify(stored)).not.toContain(password);
      expect(stored.rtspCredentialsSet).toBe(true);
      await page.screenshot({ path: screenshotPath('camera-setup-stream') });

      // An address with credentials in it is split: the address keeps none, the credentials are replaced.
      await page.getByTestId('stream-url').fill(`rtsp://other:${password}x@127.0.0.1:9/moved`);
      await page.getByTestId('stream-url-save').click();
      await page.getByTestId('stream-saved').waitFor();
      await expect.poll(() => page.getByTestId('stream-url').inputValue()).toBe('rtsp://127.0.0.1:9/moved');
      expect(await page.content()).not.toContain(password);
      const moved = await api<Camera>(admin, `/api/cameras/${target.id}`);
      expect(moved.rtspUrl).toBe('rtsp://127.0.0.1:9/moved');
      expect(JSON.stringify(moved)).not.toContain(password);

      await page.getByTestId('stream-credentials-remove').click();
      await expect.poll(() => page.getByTestId('stream-credentials-state').getAttribute('data-set')).toBe('false');
      await page.close();

      const operatorPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await openCameraPage(operatorPage, 'operator');
      await operatorPage.goto(`${baseUrl}/#/camera/${target.id}`);
      await operatorPage.getByTestId('setup-tab-calibration').waitFor();
      expect(await operatorPage.getByTestId('setup-tab-stream').count()).toBe(0);
      await operatorPage.close();
    } finally {
      await api(admin, `/api/cameras/${target.id}`, { method: 'DELETE' });
    }
  });

  it('says why the server refuses a stream address in the UI language, naming the field as the form does', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openCameraPage(page, 'admin');
    await page.getByTestId('setup-tab-stream').click();
    // A pasted web link: the request schema refuses it (the server's own reply has only English words for this).
    await page.getByTestId('stream-url').fill('http://192.168.1.20/stream1');
    await page.getByTestId('stream-url-save').click();
    const error = page.getByTestId('stream-error');
    await error.waitFor();
    // Thai by default: the field by its Thai label and the rule in Thai, none of the validator's English.
    expect(await error.textContent()).toMatch(/^ที่อยู่สตรีม \(RTSP\): ต้องเป็นที่อยู่แบบ rtsp:\/\//);
    expect(await error.textContent()).not.toMatch(/must|body\/|pattern/);
    await page.screenshot({ path: screenshotPath('camera-setup-stream-refused-th') });

    await page.locator('.lang-option', { hasText: 'EN' }).click();
    await page.getByTestId('stream-url-save').click();
    await expect.poll(() => error.textContent()).toMatch(/^Stream address \(RTSP\): must be an rtsp:\/\/ address/);
    expect(await error.textContent()).not.toMatch(/body\/|pattern/);
    // Nothing was saved.
    expect((await api<Camera>(admin, `/api/cameras/${CAMERA_ID}`)).rtspUrl).toBe(camera.rtspUrl);
    await page.close();
  });

  it('opens the camera page from the camera health list on the map', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openCameraPage(page, 'operator');
    await page.goto(`${baseUrl}/#/map`);
    await page.locator('.camera-health-details summary').click();
    await page.locator(`[data-testid="camera-health-row"][data-camera-id="${CAMERA_ID}"] [data-testid="camera-health-link"]`).click();
    await expect.poll(() => page.getByTestId('camera-page').getAttribute('data-camera-id')).toBe(String(CAMERA_ID));
    await page.close();
  });
});
