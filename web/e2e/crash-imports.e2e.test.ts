// End-to-end: an admin uploads the real Chachoengsao fatal-crash points from the crash analysis and sees the
// import's counts (a second upload of the same file changes nothing), and a file whose header
// cannot be mapped is refused with its reason in Thai; planners see no way to upload.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eEnv, launchChromium, logInAs, screenshotPath } from './browser';

let browser: Browser;
const { baseUrl, sharedDir } = e2eEnv();
const POINTS = path.join(
  sharedDir,
  'data',
  'accidents',
  'chachoengsao_highway_fatal_crash_points_2021_2025.geojson',
);

const count = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/[^0-9]/g, ''));

async function upload(page: Page, file: string) {
  await page.getByTestId('crash-upload-file').setInputFiles(file);
  await page.getByTestId('crash-upload-submit').click();
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('crash file imports', () => {
  it('takes an admin from the analysis to the upload, imports the real points once, and refuses a foreign table', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(60_000);
    await logInAs(page, 'admin');
    await page.goto(`${baseUrl}/#/analysis`);
    await page.getByTestId('analysis-tab-data').click();
    await page.getByTestId('analysis-imports-link').click();
    await page.getByTestId('crash-imports-page').waitFor();

    await upload(page, POINTS);
    await page.getByTestId('crash-upload-result').waitFor();
    const read = await count(page, 'crash-count-read');
    expect(read).toBeGreaterThan(0);
    // Once more: the same crashes, nothing added.
    await upload(page, POINTS);
    await expect.poll(() => count(page, 'crash-count-added')).toBe(0);
    expect(await count(page, 'crash-count-read')).toBe(read);
    await expect.poll(() => page.getByTestId('crash-import-row').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('crash-imports') });

    const dir = await mkdtemp(path.join(tmpdir(), 'toc-e2e-crash-'));
    const foreign = path.join(dir, 'bus-timetable.csv');
    await writeFile(foreign, 'route,stop,departure\n1,Wat Sothon,07:00\n');
    await upload(page, foreign);
    const error = page.getByTestId('crash-upload-error');
    await error.waitFor();
    expect(await error.getAttribute('data-kind')).toBe('refused');
    expect(await error.textContent()).toMatch(/[\u0E00-\u0E7F]/);
    await page.close();
  });

  it('gives a planner no upload: no link, and the address leads back to the analysis', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(60_000);
    await logInAs(page, 'planner');
    await page.getByTestId('analysis-tab-data').click();
    expect(await page.getByTestId('analysis-imports-link').count()).toBe(0);
    await page.goto(`${baseUrl}/#/crash-imports`);
    await page.getByTestId('analysis-page').waitFor();
    expect(await page.getByTestId('crash-imports-page').count()).toBe(0);
    await page.close();
  });
});
