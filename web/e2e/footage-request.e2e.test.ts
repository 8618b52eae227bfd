// End-to-end: a police footage request from the map to a verified package. The officer files it by choosing a
// camera and clicking the place on the map with the last two minutes as the window, picks the finder's first camera;
// an operator approves it; the export runs with its progress shown; the officer downloads the package from the
// request page; the verifier CLI passes it and names the file of a tampered copy; the browser's verify page agrees.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eEnv, launchChromium, logInAs, screenshotPath, tokenFor } from './browser';

const run = promisify(execFile);
let browser: Browser;
let police: Page;
let operator: Page;
let dir: string;
let requestId: number;
let packagePath: string;
let fingerprint: string;
const { baseUrl } = e2eEnv();
const caseNumber = `E2E-${randomBytes(3).toString('hex')}`;

/** `YYYY-MM-DDTHH:MM` on the Bangkok wall clock (what a datetime-local input in this app means). */
const bangkokLocal = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

const verify = (zip: string) =>
  run('node', ['--import', 'tsx', 'verifier/src/verify.cli.ts', zip, '--fingerprint', fingerprint]).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: `${error.stdout}${error.stderr}`,
    }),
  );

beforeAll(async () => {
  browser = await launchChromium();
  police = await (
    await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } })
  ).newPage();
  operator = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  dir = await mkdtemp(path.join(tmpdir(), 'toc-e2e-evidence-'));
  fingerprint = (await (await fetch(`${baseUrl}/api/evidence/public-key`)).json()).fingerprint as string;
});
afterAll(async () => {
  await browser?.close();
});

describe('a police footage request, end to end', () => {
  it('is filed by the officer from the map', async () => {
    await logInAs(police, 'police');
    await police.getByTestId('requests-page').waitFor();
    await police.getByTestId('request-new').click();
    await police.getByTestId('request-form').waitFor();
    await police.getByTestId('request-form-case-number').fill(caseNumber);
    await police.getByTestId('request-form-officer-rank').fill('ร.ต.อ.');
    await police.getByTestId('request-form-officer-name').fill('สมชาย ใจดี');
    await police.getByTestId('request-form-officer-id').fill('1234567890');
    await police.getByTestId('request-form-officer-phone').fill('081-234-5678');
    await police.getByTestId('request-form-legal-basis').fill('ป.วิ.อาญา มาตรา 132');
    await police
      .getByTestId('request-form-reason')
      .fill('รถชนกันหน้าศาลากลาง / collision in front of the city hall');
    // Centre the map on the first demo camera, then click the place just in front of it.
    const cameraSelect = police.getByTestId('request-form-camera');
    const firstCamera = await cameraSelect.locator('option').nth(1).getAttribute('value');
    await cameraSelect.selectOption(firstCamera!);
    const map = police.getByTestId('request-form-map');
    await police.waitForFunction('window.__tocPlaceMap?.ready === true');
    const box = (await map.boundingBox())!;
    await police.mouse.click(box.x + box.width / 2 + 12, box.y + box.height / 2 + 8);
    expect(Number(await police.getByTestId('request-form-lat').inputValue())).toBeGreaterThan(13);
    const now = new Date();
    await police.getByTestId('request-form-from').fill(bangkokLocal(new Date(now.getTime() - 120_000)));
    await police.getByTestId('request-form-to').fill(bangkokLocal(new Date(now.getTime() - 60_000)));
    await police.getByTestId('request-submit').click();
    // The page shows the request once it is read back: submitted, numbered FR-<Buddhist-Era year>-…
    await police.locator('[data-testid="request-page"][data-status="submitted"]').waitFor();
    requestId = Number(/#\/request\/(\d+)/.exec(police.url())![1]);
    expect(await police.getByTestId('request-reference').textContent()).toMatch(/FR-25\d\d-\d{5}/);
    await police.screenshot({ path: screenshotPath('footage-request-filed'), fullPage: true });
  });

  it('proposes the cameras that saw the place; the officer picks the first', async () => {
    const first = police.getByTestId('finder-camera').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('data-rank')).toBe('1');
    await first.getByTestId('finder-pick').check();
    await police.getByTestId('finder-save').click();
    await police.getByTestId('request-camera-row').first().waitFor();
    await police.getByTestId('finder-still').first().waitFor();
    await police.screenshot({ path: screenshotPath('footage-request-finder'), fullPage: true });
  });

  it('is approved by an operator and exported with its progress shown', async () => {
    await logInAs(operator, 'operator');
    await operator.goto(`${baseUrl}/#/request/${requestId}`);
    await operator.getByTestId('request-approve').click();
    // The progress reaches the officer's open page over the socket; sample it until the package is ready.
    const seen = new Set<string>();
    const deadline = Date.now() + 150_000;
    for (;;) {
      const status = await police.getByTestId('request-page').getAttribute('data-status');
      seen.add(status ?? '');
      // Read in one look, without waiting: the bar goes away when the export ends, and a locator that counted it a
      // moment before would then wait 30 s for it.
      const progress = await police
        .getByTestId('export-progress')
        .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-progress')));
      if (progress.length > 0) seen.add(`progress:${progress[0]}`);
      if (status === 'ready' || status === 'export_failed' || Date.now() > deadline) break;
      await police.waitForTimeout(150);
    }
    expect(await police.getByTestId('request-page').getAttribute('data-status')).toBe('ready');
    expect([...seen].some((s) => s === 'exporting' || s.startsWith('progress:'))).toBe(true);
    await police.screenshot({ path: screenshotPath('footage-request-ready'), fullPage: true });
  }, 180_000);

  it('is downloaded by the officer (audited) and passes the verifier CLI; a tampered copy fails naming the file', async () => {
    const [download] = await Promise.all([
      police.waitForEvent('download'),
      police.getByTestId('request-download').click(),
    ]);
    packagePath = path.join(dir, 'package.zip');
    await download.saveAs(packagePath);
    const good = await verify(packagePath);
    expect(good.code, good.out).toBe(0);
    const bytes = await readFile(packagePath);
    const tampered = Buffer.from(bytes);
    const at = bytes.indexOf(Buffer.from('mdat')) + 4_000;
    tampered[at] = tampered[at]! ^ 0x01;
    const badPath = path.join(dir, 'tampered.zip');
    await writeFile(badPath, tampered);
    const bad = await verify(badPath);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/video\/camera-\d+-[a-z0-9-]+\.mp4/);
    const token = await tokenFor('admin');
    const audit = await api<{
      items: { username: string; action: string; target: string; ip: string | null }[];
    }>(token, 'GET', `/api/audit?action=evidence-package.download&limit=20`);
    expect(
      audit.items.some(
        (row) => row.username === 'police' && row.target === `footage-request:${requestId}` && row.ip,
      ),
    ).toBe(true);
  });

  it('checks the package in the browser without uploading it, and refuses the tampered copy', async () => {
    await police.goto(`${baseUrl}/#/verify`);
    await police.getByTestId('verify-file').setInputFiles(packagePath);
    const result = police.getByTestId('verify-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    await police.screenshot({ path: screenshotPath('footage-request-verified'), fullPage: true });
    await police.getByTestId('verify-file').setInputFiles(path.join(dir, 'tampered.zip'));
    await police.locator('[data-testid="verify-result"][data-ok="false"]').waitFor({ timeout: 60_000 });
    expect(await police.getByTestId('verify-failure').count()).toBeGreaterThan(0);
  });
});
