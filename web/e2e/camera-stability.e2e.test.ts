// End-to-end: a camera whose stream keeps dropping shows as unstable, and one whose worker cannot analyse enough of
// its frames shows as behind, on the running system — in the control room's camera health list and among its figures
// on the camera page — with the worker's reason in the user's language.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Camera, CameraHealth } from '@toc/server/schemas';
import { api, e2eEnv, launchChromium, logInAs, tokenFor } from './browser';

const { baseUrl } = e2eEnv();
let browser: Browser;

/** Health as a worker reports it for a camera that dropped 4 times in the last hour. */
const flappingHealth: CameraHealth = {
  workerId: 'worker-e2e',
  inputFps: 0,
  detectFps: 0,
  gatedFps: 0,
  framesSkipped: 0,
  frameErrors: 0,
  decodeErrors: 0,
  inferenceMs: 0,
  tracks: 0,
  lastFrameAt: new Date().toISOString(),
  stability: {
    outagesLastHour: 4,
    flapping: true,
    reasonText: 'unstable: the stream dropped 4 times in the last hour',
    reasonTextTh: 'สัญญาณไม่เสถียร: ภาพหลุด 4 ครั้งในหนึ่งชั่วโมงที่ผ่านมา',
  },
};

/** Health as a worker reports it for a camera it analyses at 2.1 of 5 frames a second. */
const behindHealth: CameraHealth = {
  ...flappingHealth,
  inputFps: 5,
  detectFps: 2.1,
  stability: { outagesLastHour: 0, flapping: false, reasonText: null, reasonTextTh: null },
  pace: {
    expectedFps: 5,
    analysedFps: 2.1,
    behind: true,
    behindSince: new Date().toISOString(),
    roadSignalsHeld: 3,
    reasonText:
      'analysis behind: 2.1 of 5 frames a second analysed; new road alarms held until it catches up',
    reasonTextTh: 'วิเคราะห์ภาพไม่ทัน: วิเคราะห์ได้ 2.1 จาก 5 ภาพต่อวินาที งดแจ้งเหตุบนถนนใหม่จนกว่าจะตามทัน',
  },
};

/** A disabled camera (so no worker reports over the health given) with `health` stored as a worker would. */
async function cameraWithHealth(admin: string, name: string, health: CameraHealth): Promise<Camera> {
  const camera = await api<Camera>(admin, 'POST', '/api/cameras', {
    name,
    nameTh: `กล้อง ${name}`,
    location: { lon: 101.08, lat: 13.7 },
    headingDeg: 0,
    fovDeg: 60,
    rtspUrl: 'rtsp://127.0.0.1:8554/none',
    enabled: false,
  });
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query('UPDATE cameras SET health = $2 WHERE id = $1', [camera.id, JSON.stringify(health)]);
  } finally {
    await db.end();
  }
  return camera;
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('an unstable camera', () => {
  it('is flagged in the camera health list and on its page, with the reason', async () => {
    const admin = await tokenFor('admin');
    const camera = await cameraWithHealth(admin, 'Flapping link', flappingHealth);

    const page = await browser.newPage();
    await logInAs(page, 'admin');
    await page.locator('.camera-health-details summary').click();
    const row = page.locator(`[data-testid="camera-health-row"][data-camera-id="${camera.id}"]`);
    await expect
      .poll(() => row.getByTestId('camera-unstable').textContent(), { timeout: 30_000 })
      .toMatch(/dropped 4 times|ภาพหลุด 4 ครั้ง/);

    await page.goto(`${baseUrl}/#/camera/${camera.id}`);
    const drops = page.getByTestId('figure-drops');
    await expect.poll(() => drops.textContent(), { timeout: 30_000 }).toMatch(/^4/);
    expect(await drops.getAttribute('data-flapping')).toBe('true');
    expect(await page.getByTestId('figure-pace').count()).toBe(0);
    await page.close();
    await api(admin, 'DELETE', `/api/cameras/${camera.id}`);
  }, 120_000);
});

describe('a camera its worker cannot keep up with', () => {
  it('is flagged as behind, road alarms held, in the camera health list and on its page', async () => {
    const admin = await tokenFor('admin');
    const camera = await cameraWithHealth(admin, 'Busy worker', behindHealth);

    const page = await browser.newPage();
    await logInAs(page, 'admin');
    await page.locator('.camera-health-details summary').click();
    const row = page.locator(`[data-testid="camera-health-row"][data-camera-id="${camera.id}"]`);
    await expect
      .poll(() => row.getByTestId('camera-behind').textContent(), { timeout: 30_000 })
      .toMatch(/analysis behind: 2\.1 of 5|วิเคราะห์ภาพไม่ทัน/);
    expect(await row.getByTestId('camera-unstable').count()).toBe(0);

    await page.goto(`${baseUrl}/#/camera/${camera.id}`);
    const pace = page.getByTestId('figure-pace');
    await expect.poll(() => pace.textContent(), { timeout: 30_000 }).toMatch(/^2\.1 (of|จาก) 5/);
    expect(await pace.getAttribute('data-behind')).toBe('true');
    expect(await pace.textContent()).toMatch(/road alarms held|งดแจ้งเหตุบนถนนใหม่/);
    await page.close();
    await api(admin, 'DELETE', `/api/cameras/${camera.id}`);
  }, 120_000);
});
