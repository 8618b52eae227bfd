// Headless Debian Chromium through playwright-core, with the flags this closed network needs.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumEnv, clockOffsetMs, moveBrowserClock } from './shifted-clock';

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: chromiumEnv(),
  });
  if (clockOffsetMs() !== 0) moveBrowserClock(browser, clockOffsetMs());
  return browser;
}

export function screenshotPath(name: string): string {
  const dir = path.join(process.env.TEST_OUTPUT_DIR ?? 'test-output', 'e2e');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

export function e2eEnv() {
  const baseUrl = process.env.E2E_URL;
  const password = process.env.TOC_PASSWORD_OPERATOR;
  if (!baseUrl || !password) throw new Error('E2E_URL and TOC_PASSWORD_OPERATOR must be set (npm test sets them)');
  // The test runs from the repository root; ../shared sits beside it unless SHARED_DIR says otherwise.
  const sharedDir = path.resolve(process.env.SHARED_DIR ?? path.join(process.cwd(), '..', 'shared'));
  // The server runs with this environment (up.sh), so with this QUEUE_PREFIX: its Redis channels are under it.
  const queuePrefix = process.env.QUEUE_PREFIX ?? 'toc';
  return { baseUrl, password, sharedDir, queuePrefix };
}

/** A demo user's password (`npm test` exports TOC_PASSWORD_<USER>). */
export function passwordOf(username: string): string {
  const value = process.env[`TOC_PASSWORD_${username.toUpperCase()}`];
  if (!value) throw new Error(`TOC_PASSWORD_${username.toUpperCase()} must be set (npm test sets it)`);
  return value;
}

/** Signs in through the API and returns the session token. */
export async function tokenFor(username: string, secret: string = passwordOf(username)): Promise<string> {
  const reply = await fetch(`${e2eEnv().baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: secret }),
  });
  if (reply.status !== 200) throw new Error(`sign-in of ${username} failed with ${reply.status}`);
  return ((await reply.json()) as { token: string }).token;
}

/** Calls the API with a session token; any reply but 2xx fails the test, naming the call. */
export async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const reply = await fetch(`${e2eEnv().baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(reply.status, `${method} ${path}`).toBeLessThan(300);
  return (reply.status === 204 ? undefined : await reply.json()) as T;
}

/** The year of an instant on the Bangkok calendar: what the UI shows (plus 543, the Buddhist Era, in Thai). */
export const bangkokYear = (instant: string | Date): number =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(new Date(instant)));

/** When an event started (ISO), read through the API. */
export const eventStartedAt = async (token: string, eventId: number): Promise<string> =>
  (await api<{ startedAt: string }>(token, 'GET', `/api/events/${eventId}`)).startedAt;

/**
 * One open elephant warning per herd: a still near an earlier test's herd (this run or one within the last hours)
 * refreshes that herd's warning instead of opening one. A test that needs a new warning first resolves those still in
 * hand around its trap (±0.2°, beyond the 15 km a herd's path may jump). `token`: an operator's or an admin's.
 */
export async function resolveHerdWarningsNear(token: string, at: { lon: number; lat: number }): Promise<void> {
  const bbox = [at.lon - 0.2, at.lat - 0.2, at.lon + 0.2, at.lat + 0.2].map((v) => v.toFixed(4)).join(',');
  const query = `type=elephant.warning&status=open&status=acknowledged&bbox=${bbox}&limit=500`;
  const { items } = await api<{ items: { id: number }[] }>(token, 'GET', `/api/events?${query}`);
  for (const { id } of items) await api(token, 'POST', `/api/events/${id}/resolve`, { note: 'e2e: herd closed so the next test sees a new one' });
}

/** Signs a demo user in through the login form and waits for the app (`TOC_PASSWORD_<USER>` gives the password). */
export async function logInAs(page: Page, username: string): Promise<void> {
  await page.goto(e2eEnv().baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(passwordOf(username));
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-role').waitFor();
}

/** The pages the navigation offers, by name (`nav-audit` → `audit`). */
export const navItems = (page: Page): Promise<string[]> =>
  page.locator('.app-nav a').evaluateAll((links) => links.map((a) => (a.getAttribute('data-testid') ?? '').replace('nav-', '')));
