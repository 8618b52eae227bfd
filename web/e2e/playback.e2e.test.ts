// End-to-end: recorded footage in Chromium — an alarm's "Watch the recording" opens the camera's recording at the
// alarm's onset − 10 s; the real recording of a demo camera plays through hls.js and the clock over the picture shows
// the Bangkok wall-clock time of the frame on screen; the timeline shows the footage and the alarm.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eEnv, launchChromium, logInAs, screenshotPath, tokenFor } from './browser';

let browser: Browser;
let db: pg.Client;

interface Timeline {
  spans: { from: string; to: string }[];
}

const bangkokTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Bangkok',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/** A demo camera with at least `seconds` of continuous footage ending in the last minute, and that stretch. */
async function recordedStretch(
  token: string,
  seconds: number,
): Promise<{ cameraId: number; from: number; to: number }> {
  const cameras = await api<{ id: number; status: string; enabled: boolean }[]>(token, 'GET', '/api/cameras');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const to = new Date();
    const from = new Date(to.getTime() - 10 * 60_000);
    for (const camera of cameras.filter((c) => c.enabled)) {
      const timeline = await api<Timeline>(
        token,
        'GET',
        `/api/recordings/${camera.id}/timeline?from=${from.toISOString()}&to=${to.toISOString()}`,
      );
      const span = timeline.spans.at(-1);
      if (
        span &&
        Date.parse(span.to) - Date.parse(span.from) >= seconds * 1000 &&
        to.getTime() - Date.parse(span.to) < 60_000
      ) {
        return { cameraId: camera.id, from: Date.parse(span.from), to: Date.parse(span.to) };
      }
    }
    if (Date.now() > deadline)
      throw new Error(`no camera recorded ${seconds} s of continuous footage within 2 minutes`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});

afterAll(async () => {
  await browser?.close();
  await db?.end();
});

describe('recorded footage', () => {
  it('plays the recording from an alarm at its onset − 10 s and shows the Bangkok time of the picture', async () => {
    const token = await tokenFor('operator');
    const stretch = await recordedStretch(token, 30);
    // An alarm on that camera, 20 s into the footage (the demo clips show normal traffic, so none occurs by itself).
    const onset = new Date(stretch.from + 20_000);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO events (type, severity, location, camera_id, started_at, confidence, model_id, payload)
       SELECT 'traffic.incident', 'high', location, id, $2, 0.8, 'yolox_nano_416', '{"kind":"stopped_vehicle"}'::jsonb
         FROM cameras WHERE id = $1 RETURNING id`,
      [stretch.cameraId, onset],
    );
    const eventId = Number(rows[0]!.id);

    const page: Page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(60_000);
    await logInAs(page, 'operator');
    await page.getByTestId('alarm-filter-type').selectOption('traffic.incident');
    await page
      .locator(`[data-testid="event-item"][data-event-id="${eventId}"]`)
      .getByTestId('event-open')
      .click();
    await page.getByTestId('event-detail').waitFor();
    await page.getByTestId('detail-watch-recording').click();

    await page.getByTestId('playback-page').waitFor();
    const video = page.getByTestId('playback-video');
    // Decoded and playing: the picture has frames and time moves.
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 })
      .toBeGreaterThan(0.5);
    const clock = page.getByTestId('playback-clock');
    const firstShown = Date.parse((await clock.getAttribute('data-at'))!);
    // It started at onset − 10 s and has played for a moment since.
    const expectedStart = onset.getTime() - 10_000;
    expect(firstShown).toBeGreaterThanOrEqual(expectedStart - 1_000);
    expect(firstShown).toBeLessThan(expectedStart + 8_000);

    // Paused, the clock names the frame on screen: the same instant in its text (Bangkok time) and its attribute.
    await page.getByTestId('playback-play').click();
    await expect.poll(() => page.getByTestId('playback-play').getAttribute('data-playing')).toBe('false');
    const shownAt = (await clock.getAttribute('data-at'))!;
    expect(await clock.textContent()).toContain(bangkokTime(shownAt));
    // The shown instant is where the player is: the playlist's date-time of the segment plus the time into it.
    await page.getByTestId('playback-forward-10').click();
    await expect
      .poll(async () => Date.parse((await clock.getAttribute('data-at'))!) - Date.parse(shownAt), {
        timeout: 15_000,
      })
      .toBeGreaterThan(9_000);
    expect(Date.parse((await clock.getAttribute('data-at'))!) - Date.parse(shownAt)).toBeLessThan(11_000);

    // The timeline shows the footage and the alarm.
    await expect.poll(() => page.getByTestId('timeline-span').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator(`[data-testid="timeline-event"][data-event-id="${eventId}"]`).count())
      .toBe(1);
    await page.screenshot({ path: screenshotPath('playback-from-alarm') });

    // The view was audited: who watched which camera over which period.
    const admin = await tokenFor('admin');
    const audit = await api<{ items: { action: string; target: string }[] }>(
      admin,
      'GET',
      '/api/audit?action=recording.playback&limit=20',
    );
    expect(audit.items.some((row) => row.target === `camera:${stretch.cameraId}`)).toBe(true);
    await page.close();
  });

  it('gives viewers no recordings: no playback in their navigation and the API refuses them', async () => {
    const token = await tokenFor('viewer');
    const reply = await fetch(
      `${e2eEnv().baseUrl}/api/recordings/1/timeline?from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date().toISOString()}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(reply.status).toBe(403);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logInAs(page, 'viewer');
    expect(await page.getByTestId('nav-playback').count()).toBe(0);
    await page.close();
  });
});
