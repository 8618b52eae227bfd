// End-to-end: the running system in headless Chromium — login, basemap, cameras, and a live event from the real video.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eEnv, launchChromium, screenshotPath } from './browser';

let browser: Browser;
const { baseUrl, password } = e2eEnv();

const renderedCount = (page: Page, layer: string) =>
  page.evaluate((id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: [id] }).length, layer);

const renderedIds = (page: Page, layer: string) =>
  page.evaluate(
    (id) => window.__toc!.map.queryRenderedFeatures(undefined, { layers: [id] }).map((f) => Number(f.properties?.id)),
    layer,
  );

async function newestEventId(): Promise<number> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'operator', password }),
  });
  const { token } = (await login.json()) as { token: string };
  const page = await fetch(`${baseUrl}/api/events?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await page.json()) as { items: { id: number }[] };
  return items[0]?.id ?? 0;
}

async function logIn(page: Page, username: string, secret: string) {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(secret);
  await page.getByTestId('login-submit').click();
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('control room', () => {
  it('refuses a wrong password with a message that does not say which part was wrong', async () => {
    const page = await browser.newPage();
    await logIn(page, 'operator', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).not.toMatch(/username|password is wrong|user not found/i);
    await page.screenshot({ path: screenshotPath('login-error') });
    await page.close();
  });

  it('shows the operator the basemap, the cameras and a live vehicle event from the real video', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const before = await newestEventId();
    await logIn(page, 'operator', password);
    await page.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 60_000 });

    await expect.poll(() => renderedCount(page, 'districts-fill'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await renderedCount(page, 'roads-line')).toBeGreaterThan(0);
    await expect.poll(() => renderedCount(page, 'cameras-circle'), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);

    // A new event (id above anything before login) must arrive over the socket and be drawn without reload.
    await expect
      .poll(async () => Math.max(0, ...(await renderedIds(page, 'events-circle'))), { timeout: 120_000, interval: 1000 })
      .toBeGreaterThan(before);
    expect(await page.getByTestId('event-item').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('operator-map') });
    await page.close();
  });
});
