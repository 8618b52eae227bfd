// End-to-end: an admin creates a user on the Users page; that user signs in from a fresh browser with the temporary
// password, is held on the forced password change (the API refuses everything else meanwhile), chooses a password the
// policy accepts and reaches their own page; the admin disables them and their session ends. A non-admin has no Users
// page, by link or by address, and the API refuses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eEnv, launchChromium, passwordOf, screenshotPath } from './browser';

const { baseUrl } = e2eEnv();
const VIEWPORT = { width: 1440, height: 900 };
/** Unique per run: the test system's database outlives a run. */
const run = Date.now().toString(36);
const username = `e2e.planner.${run}`;
const chosenPassword = `lantern-orchid-${run}-meadow`;

let browser: Browser;

async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The HTTP status of an API read made by the page itself, with its session cookie (and the CSRF header). */
const statusFromPage = (page: Page, path: string) =>
  page.evaluate(async (url) => (await fetch(url, { headers: { 'X-Requested-With': 'toc' } })).status, path);

async function fillPasswordChange(page: Page, current: string, next: string): Promise<void> {
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-new').fill(next);
  await page.getByTestId('password-repeat').fill(next);
  await page.getByTestId('password-submit').click();
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('user administration', () => {
  it('admin creates a user; the user must replace the temporary password, then reaches their page', async () => {
    const adminContext = await browser.newContext({ viewport: VIEWPORT });
    const admin = await adminContext.newPage();
    await admin.goto(baseUrl);
    await signIn(admin, 'admin', passwordOf('admin'));
    // Reached from the admin's navigation.
    await admin.getByTestId('nav-users').click();
    await admin.getByTestId('users-page').waitFor();
    await admin.locator('[data-testid="user-row"][data-username="admin"]').waitFor();

    await admin.getByTestId('user-new').click();
    await admin.getByTestId('user-form-username').fill(username);
    await admin.getByTestId('user-form-display-name').fill('E2E Planner / นักวางแผนทดสอบ');
    await admin.getByTestId('user-form-role').selectOption('planner');
    await admin.getByTestId('user-form-submit').click();
    await admin.getByTestId('temporary-password-notice').waitFor();
    const temporary = ((await admin.getByTestId('temporary-password').textContent()) ?? '').trim();
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const row = admin.locator(`[data-testid="user-row"][data-username="${username}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-must-change')).toBe('true');
    await admin.screenshot({ path: screenshotPath('users-created') });

    // The new user, in a browser of their own.
    const userContext = await browser.newContext({ viewport: VIEWPORT });
    const page = await userContext.newPage();
    await page.goto(baseUrl);
    await signIn(page, username, temporary);
    await page.getByTestId('forced-password-change').waitFor();
    expect(await page.getByTestId('user-role').count()).toBe(0); // no app behind it yet
    expect(await statusFromPage(page, 'api/events')).toBe(403);
    expect(await statusFromPage(page, 'api/me')).toBe(200);

    // A common password is refused by the server, with its reason in the page's language (Thai by default).
    await fillPasswordChange(page, temporary, 'password1234');
    await page.getByTestId('password-error').waitFor();
    expect(await page.getByTestId('password-error').textContent()).toContain('ใช้กันทั่วไป');
    await page.screenshot({ path: screenshotPath('users-forced-change') });

    await fillPasswordChange(page, temporary, chosenPassword);
    await page.getByTestId('analysis-page').waitFor();
    expect(await page.getByTestId('user-role').getAttribute('data-role')).toBe('planner');
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await statusFromPage(page, 'api/events')).toBe(200);

    await admin.reload();
    await row.waitFor();
    expect(await row.getAttribute('data-must-change')).toBe('false');

    // Disabled by the admin: the user's session is gone; the next load is the sign-in page.
    await row.getByTestId('user-disable').click();
    await row.getByTestId('user-confirm').click();
    await expect.poll(() => row.getAttribute('data-disabled')).toBe('true');
    await page.reload();
    await page.getByTestId('login-username').waitFor();
    await signIn(page, username, chosenPassword);
    await page.getByTestId('login-error').waitFor();

    await userContext.close();
    await adminContext.close();
  });

  it('a non-admin has no Users page: no link, the address lands on their own page, the API says 403', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/users`);
    await signIn(page, 'police', passwordOf('police'));
    await page.getByTestId('requests-page').waitFor();
    expect(await page.getByTestId('users-page').count()).toBe(0);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await statusFromPage(page, 'api/users')).toBe(403);

    // Every user reaches their own password change from the user menu (not submitted: the demo password stays).
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-change-password').click();
    await page.getByTestId('change-password-page').waitFor();
    await page.screenshot({ path: screenshotPath('users-own-password') });
    await context.close();
  });
});
