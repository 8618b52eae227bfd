// End-to-end: each role signs in to its own entry point and sees only what it may do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eEnv, launchChromium, screenshotPath, passwordOf } from './browser';

let browser: Browser;
const { baseUrl } = e2eEnv();

const ROLES = {
  admin: {
    landing: 'map',
    nav: ['map', 'wall', 'playback', 'requests', 'elephants', 'analysis', 'shift', 'audit', 'users'],
    // No room in the header: reached from the crash analysis.
    reachable: ['punctuality'],
    canAct: true,
  },
  operator: {
    landing: 'map',
    nav: ['map', 'wall', 'playback', 'requests', 'elephants', 'punctuality', 'shift', 'verify'],
    canAct: true,
  },
  viewer: { landing: 'map', nav: ['map', 'wall', 'elephants', 'punctuality', 'verify'], canAct: false },
  police: { landing: 'requests', nav: ['requests', 'map', 'elephants', 'verify'], canAct: false },
  planner: {
    landing: 'analysis',
    nav: ['analysis', 'map', 'elephants', 'punctuality', 'verify'],
    canAct: false,
  },
} as const;

type RoleName = keyof typeof ROLES;

/** Waits for the role's entry point: the crash analysis, the footage requests, or the map with its alarm list. */
async function atLanding(page: Page, landing: (typeof ROLES)[RoleName]['landing']) {
  if (landing === 'analysis') await page.getByTestId('analysis-page').waitFor();
  else if (landing === 'requests') await page.getByTestId('requests-page').waitFor();
  else await page.getByTestId('alarm-filter-status').waitFor();
}

async function logIn(page: Page, role: RoleName) {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(role);
  await page.getByTestId('login-password').fill(passwordOf(role));
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-role').waitFor();
}

const navItems = (page: Page) =>
  page
    .locator('.app-nav a')
    .evaluateAll((links) => links.map((a) => (a.getAttribute('data-testid') ?? '').replace('nav-', '')));

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('roles', () => {
  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`${role}: lands on its entry point, with its own navigation and actions`, async () => {
      const expected = ROLES[role];
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await logIn(page, role);
      expect(await page.getByTestId('user-role').getAttribute('data-role')).toBe(role);
      if (expected.landing === 'analysis') {
        await page.getByTestId('analysis-page').waitFor();
      } else if (expected.landing === 'requests') {
        await page.getByTestId('requests-page').waitFor();
      } else {
        await page.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 60_000 });
      }
      expect(await navItems(page)).toEqual(expected.nav);

      // Pages not theirs (live video, the bus report, recorded footage, the crash analysis): asking for them by
      // address lands back on their entry point.
      const reachable: readonly string[] = 'reachable' in expected ? expected.reachable : [];
      for (const other of ['wall', 'punctuality', 'playback', 'analysis'] as const) {
        if (expected.nav.includes(other as never) || reachable.includes(other)) continue;
        await page.goto(`${baseUrl}/#/${other}`);
        await atLanding(page, expected.landing);
        expect(await page.getByTestId(`${other}-page`).count()).toBe(0);
      }

      // On the map, only roles that act on events get the buttons.
      await page.goto(`${baseUrl}/#/map`);
      await page.waitForFunction(() => window.__toc?.ready === true, undefined, { timeout: 60_000 });
      await page.getByTestId('alarm-filter-severity').selectOption('info');
      await page.getByTestId('alarm-filter-status').selectOption('all');
      await expect.poll(() => page.getByTestId('event-item').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      const buttons =
        (await page.getByTestId('event-acknowledge').count()) +
        (await page.getByTestId('event-resolve').count());
      if (expected.canAct) expect(buttons).toBeGreaterThan(0);
      else expect(buttons).toBe(0);
      await page.screenshot({ path: screenshotPath(`role-${role}`) });
      await page.close();
    });
  }
});
