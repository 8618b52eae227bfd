// End-to-end: the shift page. The operator opens it from the navigation, sees today's alarm summary, adds a handover
// note and finds it on top of the shift log with its Buddhist-Era time (audited on the server); a wrong alarm number
// is refused in Thai; the day picker steps back a day. Other roles get no link and the API refuses them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

interface Entry {
  id: number;
  at: string;
  kind: string;
  body: string;
  username: string;
}

let browser: Browser;
const { baseUrl } = e2eEnv();

/** A figure as the page writes it (digits with grouping commas). */
const figure = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/[^0-9]/g, ''));

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('shift page', () => {
  it("shows the operator today's summary, and takes a handover note onto the top of the shift log", async () => {
    const operator = await tokenFor('operator');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logInAs(page, 'operator');
    expect(await navItems(page)).toContain('shift');
    await page.getByTestId('nav-shift').click();
    await page.getByTestId('shift-page').waitFor();

    // Today's summary, as the API gives it (alarms only ever start, so the page's count is not above a later one).
    const figures = page.getByTestId('shift-figures');
    await figures.waitFor({ timeout: 30_000 });
    const today = (await figures.getAttribute('data-day'))!;
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const summary = await api<{ day: string; total: number }>(
      operator,
      'GET',
      `/api/shift/summary?day=${today}`,
    );
    const shownTotal = await figure(page, 'shift-total');
    expect(shownTotal).toBeLessThanOrEqual(summary.total);
    if (shownTotal > 0) await page.getByTestId('shift-by-type').waitFor();
    else await page.getByTestId('shift-summary-empty').waitFor();
    // The app starts in Thai: the day is written with its Buddhist-Era year.
    expect(await page.getByTestId('shift-day-label').textContent()).toContain(
      String(Number(today.slice(0, 4)) + 543),
    );

    // A handover note through the form.
    const text = `ส่งเวร e2e ${randomBytes(4).toString('hex')}: กล้องแยกบางปะกงภาพไม่ชัด / Bang Pakong junction camera blurred`;
    await page.getByTestId('shift-log-kind-handover').check();
    await page.getByTestId('shift-log-body-input').fill(text);
    await page.getByTestId('shift-log-add').click();
    const mine = page.locator('[data-testid="shift-log-entry"][data-kind="handover"]', { hasText: text });
    await mine.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('shift-log-entry').first().getAttribute('data-id')).toBe(
      await mine.getAttribute('data-id'),
    );
    expect(await page.getByTestId('shift-log-body-input').inputValue()).toBe('');

    // The server has it, by the operator, audited; the page shows its time with the Buddhist-Era year.
    const { items } = await api<{ items: Entry[] }>(operator, 'GET', '/api/shift-log?limit=20');
    const entry = items.find((item) => item.body === text)!;
    expect(entry).toMatchObject({ kind: 'handover', username: 'operator' });
    expect(await mine.getAttribute('data-id')).toBe(String(entry.id));
    expect(await mine.getByTestId('shift-log-time').textContent()).toContain(
      String(bangkokYear(entry.at) + 543),
    );
    expect((await mine.getByTestId('shift-log-author').textContent())?.trim()).not.toBe('');
    const audit = await api<{ items: { action: string; username: string }[] }>(
      await tokenFor('admin'),
      'GET',
      `/api/audit?target=shift-log:${entry.id}`,
    );
    expect(audit.items).toEqual([expect.objectContaining({ action: 'shift-log.add', username: 'operator' })]);
    await page.screenshot({ path: screenshotPath('shift-page') });

    // An alarm that does not exist: refused, the reason in Thai, the text kept for another try.
    await page.getByTestId('shift-log-kind-note').check();
    await page.getByTestId('shift-log-body-input').fill('เกี่ยวกับเหตุที่ไม่มีอยู่');
    await page.getByTestId('shift-log-event-id').fill('2147483647');
    await page.getByTestId('shift-log-add').click();
    const error = page.getByTestId('shift-log-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('ไม่มีเหตุแจ้งเตือน');
    expect(await page.getByTestId('shift-log-body-input').inputValue()).toBe('เกี่ยวกับเหตุที่ไม่มีอยู่');

    // The day before: its own summary, and the log up to its end.
    await page.getByTestId('shift-previous-day').click();
    await expect.poll(() => figures.getAttribute('data-day')).not.toBe(today);
    const yesterday = (await figures.getAttribute('data-day'))!;
    expect(Date.parse(`${today}T00:00:00Z`) - Date.parse(`${yesterday}T00:00:00Z`)).toBe(86_400_000);
    await page.getByTestId('shift-today').click();
    await expect.poll(() => figures.getAttribute('data-day')).toBe(today);
    await page.close();
  });

  it('shows operators the escalation limits and lets an admin change one, audited', async () => {
    const operatorPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logInAs(operatorPage, 'operator');
    await operatorPage.getByTestId('nav-shift').click();
    const row = (page: Page) =>
      page.locator('[data-testid="escalation-policy"][data-event-type="traffic.incident"]');
    await row(operatorPage).waitFor({ timeout: 30_000 });
    expect(await row(operatorPage).getByTestId('escalation-save').count()).toBe(0);
    await operatorPage.close();

    const admin = await tokenFor('admin');
    const before = (
      await api<{ eventType: string; afterMin: number; raiseTo: string; enabled: boolean }[]>(
        admin,
        'GET',
        '/api/escalation-policies',
      )
    ).find((p) => p.eventType === 'traffic.incident')!;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logInAs(page, 'admin');
    await page.getByTestId('nav-shift').click();
    await row(page).waitFor({ timeout: 30_000 });
    const changed = before.afterMin === 7 ? 8 : 7;
    await row(page).getByTestId('escalation-after').fill(String(changed));
    await row(page).getByTestId('escalation-save').click();
    await expect
      .poll(
        async () =>
          (
            await api<{ eventType: string; afterMin: number }[]>(admin, 'GET', '/api/escalation-policies')
          ).find((p) => p.eventType === 'traffic.incident')!.afterMin,
      )
      .toBe(changed);
    // The row is drawn again from the saved policy: edit that one, not the row it replaced.
    await expect.poll(() => row(page).getAttribute('data-after-min')).toBe(String(changed));
    // Out of range: the server's reason in Thai, nothing saved.
    await row(page).getByTestId('escalation-after').fill('0');
    await row(page).getByTestId('escalation-save').click();
    await expect
      .poll(() => page.getByTestId('escalation-error').textContent())
      .toContain('จำนวนนาทีที่ไม่มีผู้รับทราบ');
    await page.screenshot({ path: screenshotPath('shift-escalation-admin') });

    // A webhook recipient: saved, then shown by its host only (its path holds the key), and removed again.
    const form = page.getByTestId('targets-form');
    await form.getByTestId('target-address').fill('https://hooks.example.org/e2e-secret-token');
    await form.getByTestId('target-audience').fill('e2e ranger');
    await form.getByTestId('target-add').click();
    const added = page.locator('[data-testid="notification-target"]', { hasText: 'e2e ranger' });
    await added.waitFor();
    expect(await added.textContent()).toContain('https://hooks.example.org/…');
    expect(await page.getByTestId('notification-targets').textContent()).not.toContain('e2e-secret-token');
    await added.getByTestId('target-remove').click();
    await expect.poll(() => added.count()).toBe(0);
    await api(admin, 'PUT', '/api/escalation-policies/traffic.incident', {
      afterMin: before.afterMin,
      raiseTo: before.raiseTo,
      enabled: before.enabled,
    });
    await page.close();
  });

  it('is out of reach for viewers, police and planners: no link, the API refuses', async () => {
    for (const username of ['viewer', 'police', 'planner']) {
      const token = await tokenFor(username);
      for (const path of ['/api/shift-log', '/api/shift/summary']) {
        const refused = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
        expect(refused.status, `${username} ${path}`).toBe(403);
      }
    }
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logInAs(page, 'planner');
    expect(await navItems(page)).not.toContain('shift');
    await page.goto(`${baseUrl}/#/shift`);
    await page.getByTestId('analysis-page').waitFor();
    expect(await page.getByTestId('shift-page').count()).toBe(0);
    await page.close();
  });
});
