// End-to-end: the audit log page. The admin removes a notification recipient through the API, opens the audit page
// from the navigation, filters by user, action and the day, and finds that very row with its Buddhist-Era time; other
// roles see no link, land on their own page when they ask for it by address, and the API refuses them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  api,
  bangkokYear,
  e2eEnv,
  launchChromium,
  logInAs,
  navItems,
  screenshotPath,
  tokenFor,
} from './browser';

interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  action: string;
  target: string | null;
}

let browser: Browser;
const { baseUrl } = e2eEnv();

/** The Bangkok calendar day of an instant, as a date input takes it. */
const bangkokDay = (instant: string) =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);

/** Adds a LINE recipient and removes it again: the removal is this run's own audit row. */
async function removeFreshRecipient(adminToken: string): Promise<AuditRow> {
  const target = await api<{ id: number }>(adminToken, 'POST', '/api/notification-targets', {
    channel: 'line',
    target: `U${randomBytes(16).toString('hex')}`,
    audience: 'ranger',
    eventTypes: ['elephant.warning'],
  });
  await api(adminToken, 'DELETE', `/api/notification-targets/${target.id}`);
  const page = await api<{ items: AuditRow[] }>(
    adminToken,
    'GET',
    `/api/audit?target=notification-target:${target.id}&action=notification-target.delete`,
  );
  expect(page.items).toHaveLength(1);
  return page.items[0]!;
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('audit log page', () => {
  it('shows the admin the row this test caused, found by user, action and day, with a Buddhist-Era time in Thai', async () => {
    const row = await removeFreshRecipient(await tokenFor('admin'));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logInAs(page, 'admin');
    expect(await navItems(page)).toContain('audit');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-page').waitFor();

    await page.getByTestId('audit-filter-user').fill('admin');
    await page.getByTestId('audit-filter-action').fill('notification-target.delete');
    // The day the server wrote the row (the browser's clock may be moved under test:clock).
    await page.getByTestId('audit-first-day').fill(bangkokDay(row.at));
    await page.getByTestId('audit-last-day').fill(bangkokDay(row.at));
    await page.getByTestId('audit-show').click();

    const mine = page.locator(`[data-testid="audit-row"][data-id="${row.id}"]`);
    await mine.waitFor({ timeout: 30_000 });
    expect(await mine.getAttribute('data-target')).toBe(row.target);
    expect(await mine.getByTestId('audit-user').textContent()).toBe('admin');
    // The app starts in Thai: the year is the Buddhist Era one.
    expect(await mine.getByTestId('audit-time').textContent()).toContain(String(bangkokYear(row.at) + 543));

    // Only what the filters ask for.
    const shown = await page
      .getByTestId('audit-row')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-action'),
          r.querySelector('[data-testid="audit-user"]')?.textContent,
        ]),
      );
    expect(shown.length).toBeGreaterThan(0);
    for (const [action, user] of shown)
      expect([action, user]).toEqual(['notification-target.delete', 'admin']);

    // In English the same row shows the Gregorian year.
    await page.locator('[data-testid="lang-switch"] [data-lang="en"]').click();
    await expect
      .poll(() => mine.getByTestId('audit-time').textContent())
      .toContain(String(bangkokYear(row.at)));
    await page.locator('[data-testid="lang-switch"] [data-lang="th"]').click();
    await page.screenshot({ path: screenshotPath('audit-log') });
    await page.close();
  });

  it('is out of reach for every other role: no link, the address leads home, the API refuses', async () => {
    for (const username of ['operator', 'police', 'planner', 'viewer']) {
      const token = await tokenFor(username);
      const refused = await fetch(`${baseUrl}/api/audit`, { headers: { authorization: `Bearer ${token}` } });
      expect(refused.status, username).toBe(403);
    }

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logInAs(page, 'planner');
    expect(await navItems(page)).not.toContain('audit');
    await page.goto(`${baseUrl}/#/audit`);
    await page.getByTestId('analysis-page').waitFor();
    expect(await page.getByTestId('audit-page').count()).toBe(0);
    await page.close();

    const operator = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logInAs(operator, 'operator');
    expect(await navItems(operator)).not.toContain('audit');
    await operator.goto(`${baseUrl}/#/audit`);
    await operator.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 60_000 });
    expect(await operator.getByTestId('audit-page').count()).toBe(0);
    await operator.close();
  });
});
