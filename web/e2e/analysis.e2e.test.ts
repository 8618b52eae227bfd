// End-to-end: a planner's crash analysis on the demo's real crash data (the 2012 Department of Highways table and the
// national fatal-crash points). Each figure the page shows is checked against the API the page calls, a district and
// a drawn area narrow it, and the ranking, hot spots, before/after and downloads answer — in Thai, at 1366×768.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BeforeAfterReply, CrashBreakdown, RoadSectionsReply } from '@toc/server/schemas';
import { e2eEnv, launchChromium, logInAs, navItems, screenshotPath } from './browser';

let browser: Browser;
const { baseUrl } = e2eEnv();

/** What the API answers for this query, through the page's own session. */
async function apiJson<T>(page: Page, path: string): Promise<T> {
  const reply = await page.request.get(`${baseUrl}/${path}`);
  expect(reply.status(), await reply.text()).toBe(200);
  return (await reply.json()) as T;
}

const shownNumber = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/[^0-9]/g, ''));

/** Features of a map layer drawn on screen now. */
const rendered = (page: Page, layer: string) =>
  page.evaluate(
    (id) => window.__toc?.map.queryRenderedFeatures(undefined, { layers: [id] }).length ?? 0,
    layer,
  );

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('crash analysis', () => {
  it('lands a planner on the analysis with the heatmap and the figures of Chachoengsao, as the API gives them', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(60_000);
    await logInAs(page, 'planner');
    await page.getByTestId('analysis-page').waitFor();
    expect((await navItems(page))[0]).toBe('analysis');

    const province = await apiJson<CrashBreakdown>(page, 'api/crashes/breakdown?area=TH24');
    expect(province.total.crashes).toBeGreaterThan(0);
    await expect.poll(() => shownNumber(page, 'breakdown-total-crashes')).toBe(province.total.crashes);
    expect(await shownNumber(page, 'breakdown-total-deaths')).toBe(province.total.deaths);
    expect(await page.getByTestId('matrix-cell').count()).toBe(7 * 24);
    expect(await page.getByTestId('month-bar').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => window.__toc?.ready === true);
    await expect.poll(() => rendered(page, 'crash-heatmap-fill'), { timeout: 30_000 }).toBeGreaterThan(0);
    // The window never scrolls (the three columns scroll on their own) and the filter's Apply stays on screen.
    expect(await page.evaluate(() => (window.scrollTo(0, 1000), window.scrollY))).toBe(0);
    const apply = (await page.getByTestId('filter-apply').boundingBox())!;
    expect(apply.y + apply.height).toBeLessThan(769);
    await page.screenshot({ path: screenshotPath('analysis-province') });

    // A district narrows every figure to its crashes.
    await page.getByTestId('area-district').selectOption('TH2404');
    await page.getByTestId('filter-apply').click();
    const district = await apiJson<CrashBreakdown>(page, 'api/crashes/breakdown?area=TH2404');
    expect(district.total.crashes).toBeLessThan(province.total.crashes);
    await expect.poll(() => shownNumber(page, 'breakdown-total-crashes')).toBe(district.total.crashes);

    // The crash points (clusters at this zoom) come from their own tiles; a click on one says what it holds.
    await page.getByTestId('layer-sections').uncheck();
    await page.getByTestId('layer-points').check();
    await expect.poll(() => rendered(page, 'crash-points-circle'), { timeout: 30_000 }).toBeGreaterThan(0);
    const point = await page.evaluate(() => {
      const map = window.__toc!.map;
      const [feature] = map.queryRenderedFeatures(undefined, { layers: ['crash-points-circle'] });
      const [lon, lat] = (feature!.geometry as { coordinates: [number, number] }).coordinates;
      return map.project([lon, lat]);
    });
    const canvas = (await page.locator('.analysis-map canvas').boundingBox())!;
    await page.mouse.click(canvas.x + point.x, canvas.y + point.y);
    await expect.poll(() => page.getByTestId('crash-map-popup').textContent()).toMatch(/อุบัติเหตุ|crash/i);
    await page.screenshot({ path: screenshotPath('analysis-points') });
    await page.close();
  });

  it('ranks road sections, shows hot spots, and draws an area that filters the figures', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(60_000);
    await logInAs(page, 'planner');
    await page.getByTestId('analysis-page').waitFor();
    await page.waitForFunction(() => window.__toc?.ready === true);

    await page.getByTestId('analysis-tab-sections').click();
    const ranking = await apiJson<RoadSectionsReply>(page, 'api/crashes/road-sections?area=TH24');
    expect(ranking.sections.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('section-row').count()).toBe(ranking.sections.length);
    expect(await page.getByTestId('section-row').first().getAttribute('data-rank')).toBe('1');
    await page.getByTestId('section-row').first().click();
    await expect.poll(() => rendered(page, 'crash-sections-circle')).toBeGreaterThan(0);

    await page.getByTestId('layer-hotspots').check();
    await page.getByTestId('analysis-tab-hotspots').click();
    await page.getByTestId('hotspot-summary').waitFor();
    await page.getByTestId('cluster-summary').waitFor();
    await page.screenshot({ path: screenshotPath('analysis-hotspots') });

    // A triangle drawn on the map (clear of the layer switches and the legend): every figure shrinks to the crashes
    // inside it.
    await page.getByTestId('analysis-tab-charts').click();
    const before = await shownNumber(page, 'breakdown-total-crashes');
    await page.getByTestId('filter-draw').click();
    const box = (await page.locator('.analysis-map canvas').boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    for (const corner of [at(0.5, 0.45), at(0.85, 0.5), at(0.7, 0.8)])
      await page.mouse.click(corner.x, corner.y);
    const last = at(0.7, 0.8);
    await page.mouse.dblclick(last.x, last.y);
    await page.getByTestId('filter-clear-polygon').waitFor();
    await expect.poll(() => shownNumber(page, 'breakdown-total-crashes')).toBeLessThanOrEqual(before);
    await expect.poll(() => rendered(page, 'crash-drawn-fill')).toBeGreaterThan(0);
    await page.close();
  });

  it('compares before and after a date at a district, warns about regression to the mean, and gives the data', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(60_000);
    await logInAs(page, 'planner');
    await page.getByTestId('analysis-page').waitFor();
    await page.getByTestId('area-district').selectOption('TH2404');
    await page.getByTestId('filter-apply').click();

    await page.getByTestId('analysis-tab-before-after').click();
    await page.getByTestId('before-after-site-area').check();
    await page.getByTestId('before-after-date').fill('2012-07-01');
    await page.getByTestId('before-after-run').click();
    await page.getByTestId('before-after-result').waitFor();
    const study = await apiJson<BeforeAfterReply>(
      page,
      'api/crashes/before-after?area=TH2404&siteArea=TH2404&date=2012-07-01&periodDays=365',
    );
    expect(await page.getByTestId('before-after-conclusion').getAttribute('data-conclusion')).toBe(
      study.verdict.conclusion,
    );
    expect(await page.getByTestId('before-after-result').textContent()).toContain(study.verdict.message.th);
    const warnings = (await page.getByTestId('before-after-warnings').textContent()) ?? '';
    for (const warning of study.verdict.warnings) expect(warnings).toContain(warning.th);
    await page.screenshot({ path: screenshotPath('analysis-before-after') });

    await page.getByTestId('analysis-tab-data').click();
    const csvHref = (await page.getByTestId('download-csv').getAttribute('href'))!;
    expect(csvHref).toContain('area=TH2404');
    const csv = await page.request.get(new URL(csvHref, page.url()).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    const geojsonHref = (await page.getByTestId('download-geojson').getAttribute('href'))!;
    const geojson = (await (await page.request.get(new URL(geojsonHref, page.url()).toString())).json()) as {
      features: unknown[];
    };
    const district = await apiJson<CrashBreakdown>(page, 'api/crashes/breakdown?area=TH2404');
    expect(geojson.features).toHaveLength(district.total.crashes);
    expect(await page.getByTestId('ogc-url').inputValue()).toMatch(/\/ogc$/);

    // The printable report of the same analysis: the same figures, the ranking's first page, the map drawn, and a PDF.
    // It opens in a tab of its own, as a planner's click does.
    const [report] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByTestId('analysis-report-link').click(),
    ]);
    report.setDefaultTimeout(60_000);
    await report.locator('[data-testid="analysis-report"][data-ready="true"]').waitFor();
    await expect.poll(() => shownNumber(report, 'breakdown-total-crashes')).toBe(district.total.crashes);
    const ranking = await apiJson<RoadSectionsReply>(
      report,
      'api/crashes/road-sections?area=TH2404&limit=20',
    );
    expect(await report.getByTestId('section-row').count()).toBe(ranking.sections.length);
    expect(await report.getByTestId('report-filter').textContent()).toContain('บางปะกง');
    await report.waitForFunction(() => window.__toc?.ready === true);
    await expect.poll(() => rendered(report, 'crash-heatmap-fill'), { timeout: 30_000 }).toBeGreaterThan(0);
    await report.screenshot({ path: screenshotPath('analysis-report'), fullPage: true });
    const pdf = await report.pdf({ format: 'A4', printBackground: false });
    await writeFile(screenshotPath('analysis-report').replace(/png$/, 'pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await report.close();
    await page.close();
  });
});
