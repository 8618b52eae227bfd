// End-to-end: a camera whose stream keeps dropping shows as unstable on the running system — in the control room's
// camera health list and among its figures on the camera page — with the worker's reason in the user's language.
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

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('an unstable camera', () => {
  it('is flagged in the camera health list and on its page, with the reason', async () => {
    const admin = await tokenFor('admin');
    // Disabled, so no worker reports over the health this test gives it.
    const camera = await api<Camera>(admin, 'POST', '/api/cameras', {
      name: 'Flapping link',
      nameTh: 'กล้องสัญญาณหลุดบ่อย',
      location: { lon: 101.08, lat: 13.7 },
      headingDeg: 0,
      fovDeg: 60,
      rtspUrl: 'rtsp://127.0.0.1:8554/none',
      enabled: false,
    });
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query('UPDATE cameras SET health = $2 WHERE id = $1', [
        camera.id,
        JSON.stringify(flappingHealth),
      ]);
    } finally {
      await db.end();
    }

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
    await page.close();
    await api(admin, 'DELETE', `/api/cameras/${camera.id}`);
  }, 120_000);
});
