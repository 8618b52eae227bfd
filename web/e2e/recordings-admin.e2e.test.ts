// End-to-end: the recordings page. The admin reaches it from the playback page (the header has no room for its own
// link), sees the storage card and a recording row per demo camera, changes one camera's "keep at most" (saved, and a
// refusal shows the server's Thai reason), holds the last 10 minutes of a demo camera as evidence and releases the
// hold with a reason (both audited); the operator sees the same page read-only, with no way to place or release a
// hold; roles without recordings are sent back to their own page.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, e2eEnv, launchChromium, logInAs, navItems, screenshotPath, tokenFor } from './browser';

interface Settings {
  enabled: boolean;
  minDays: number;
  maxDays: number;
  priority: number;
}

interface Overview {
  storage: { available: boolean; reason: string | null };
  cameras: (Settings & { cameraId: number; worker: { state: string } | null })[];
}

interface Hold {
  id: number;
  cameraId: number;
  from: string;
  to: string;
  reason: string;
  caseNumber: string | null;
  expiresAt: string | null;
  createdBy: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseReason: string | null;
}

let browser: Browser;
const { baseUrl } = e2eEnv();

const settingsOf = ({ enabled, minDays, maxDays, priority }: Settings): Settings => ({
  enabled,
  minDays,
  maxDays,
  priority,
});

/** The demo cameras the server records for, once the recorder has reported on at least one of them. */
async function overviewWithReports(token: string): Promise<Overview> {
  let overview = await api<Overview>(token, 'GET', '/api/recordings/overview');
  const deadline = Date.now() + 60_000;
  while (!overview.cameras.some((c) => c.worker !== null) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2_000));
    overview = await api<Overview>(token, 'GET', '/api/recordings/overview');
  }
  return overview;
}

/** Signs in and opens the recordings page the way people do: Playback in the header, then the link there. */
async function openRecordings(page: Page, username: string): Promise<void> {
  await logInAs(page, username);
  expect(await navItems(page)).toContain('playback');
  // The page hides behind Playback: the header keeps its eight links.
  expect(await navItems(page)).not.toContain('recordings');
  await page.getByTestId('nav-playback').click();
  await page.getByTestId('playback-page').waitFor();
  await page.getByTestId('playback-to-recordings').click();
  await page.getByTestId('recordings-page').waitFor();
  expect(await page.getByTestId('nav-playback').getAttribute('class')).toContain('active');
}

const retentionRow = (page: Page, cameraId: number) =>
  page.locator(`[data-testid="retention-row"][data-camera-id="${cameraId}"]`);

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('recordings page', () => {
  it("shows the admin the storage and each demo camera's recording, and saves a camera's retention", async () => {
    const admin = await tokenFor('admin');
    const overview = await overviewWithReports(admin);
    expect(overview.cameras.length).toBeGreaterThan(0);
    const camera = overview.cameras.find((c) => c.enabled) ?? overview.cameras[0]!;
    const before = settingsOf(camera);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(30_000);
    try {
      await openRecordings(page, 'admin');
      expect(await page.getByTestId('recordings-page').getAttribute('data-editable')).toBe('true');

      // The storage card says whether the volume can be used, and why not when it cannot.
      const storage = page.getByTestId('recordings-storage');
      await storage.waitFor();
      expect(await storage.getAttribute('data-available')).toBe(String(overview.storage.available));
      if (!overview.storage.available)
        expect((await page.getByTestId('storage-reason').textContent())?.trim()).not.toBe('');
      for (const figure of [
        'storage-used',
        'storage-free',
        'storage-held',
        'storage-rate',
        'storage-hours-left',
      ])
        await storage.getByTestId(figure).waitFor();
      expect(await storage.getByTestId('storage-used').textContent()).toMatch(/[0-9.,]+ (MB|GB|TB)/);

      // One health row per camera, each linking to its playback.
      for (const { cameraId } of overview.cameras) {
        const row = page.locator(`[data-testid="recording-health-row"][data-camera-id="${cameraId}"]`);
        await row.waitFor();
        expect(await row.getByTestId('recording-playback').getAttribute('href')).toBe(
          `#/playback/${cameraId}`,
        );
      }
      const reported = overview.cameras.find((c) => c.worker !== null);
      if (reported) {
        const state = page
          .locator(`[data-testid="recording-health-row"][data-camera-id="${reported.cameraId}"]`)
          .getByTestId('recording-state');
        await expect.poll(() => state.getAttribute('data-state')).toMatch(/^(recording|off|paused|error)$/);
      }
      await page.screenshot({ path: screenshotPath('recordings-admin') });

      // "Keep at most" one day longer: saved on the server, the row shows it.
      const changed = before.maxDays + 1;
      const row = retentionRow(page, camera.cameraId);
      await row.getByTestId('retention-max-days').fill(String(changed));
      await row.getByTestId('retention-save').click();
      await row.getByTestId('retention-saved').waitFor();
      await expect.poll(() => row.getAttribute('data-max-days')).toBe(String(changed));
      const saved = await api<Settings>(admin, 'GET', `/api/cameras/${camera.cameraId}/recording`);
      expect(saved).toEqual({ ...before, maxDays: changed });
      const audit = await api<{ items: { action: string; username: string }[] }>(
        admin,
        'GET',
        `/api/audit?target=camera:${camera.cameraId}&action=camera.recording.update&limit=5`,
      );
      expect(audit.items[0]).toMatchObject({ action: 'camera.recording.update', username: 'admin' });

      // "Keep at least" above "keep at most": refused with the server's reason in Thai, nothing saved.
      await row.getByTestId('retention-min-days').fill(String(changed + 5));
      await row.getByTestId('retention-save').click();
      await expect
        .poll(() => row.getByTestId('retention-error').textContent())
        .toContain('จำนวนวันเก็บขั้นต่ำต้องไม่มากกว่าจำนวนวันเก็บสูงสุด');
      expect((await api<Settings>(admin, 'GET', `/api/cameras/${camera.cameraId}/recording`)).minDays).toBe(
        before.minDays,
      );
      await row.getByTestId('retention-undo').click();
      expect(await row.getByTestId('retention-min-days').inputValue()).toBe(String(before.minDays));
    } finally {
      await api(admin, 'PUT', `/api/cameras/${camera.cameraId}/recording`, before);
      await page.close();
    }
  });

  it('lets the admin hold the last 10 minutes of a camera as evidence and release the hold with a reason', async () => {
    const admin = await tokenFor('admin');
    const overview = await overviewWithReports(admin);
    const camera = overview.cameras.find((c) => c.worker?.state === 'recording') ?? overview.cameras[0]!;
    const reason = `e2e: ชนท้ายที่แยก / rear-end collision ${randomBytes(4).toString('hex')}`;
    const caseNumber = `สภ.e2e ${randomBytes(2).toString('hex')}/2569`;

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(30_000);
    await openRecordings(page, 'admin');
    const holds = page.getByTestId('evidence-holds');
    await holds.waitFor();
    expect(await holds.getAttribute('data-state')).toBe('active');

    // The last 10 minutes, by the preset, with a reason and a case number; no expiry: until released.
    await page.getByTestId('hold-new').click();
    const form = page.getByTestId('hold-form');
    await form.getByTestId('hold-camera').selectOption(String(camera.cameraId));
    await form.getByTestId('hold-last-10min').click();
    expect(await form.getByTestId('hold-from-time').inputValue()).toMatch(/^\d{2}:\d{2}$/);
    await form.getByTestId('hold-reason').fill(reason);
    await form.getByTestId('hold-case-number').fill(caseNumber);
    await form.getByTestId('hold-create').click();

    const row = page.locator('[data-testid="hold-row"]', { hasText: reason });
    await row.waitFor();
    expect(await page.getByTestId('hold-form').count()).toBe(0);
    const listed = (await api<Hold[]>(admin, 'GET', '/api/evidence-holds?state=active')).find(
      (h) => h.reason === reason,
    )!;
    expect(listed).toMatchObject({
      cameraId: camera.cameraId,
      caseNumber,
      expiresAt: null,
      createdBy: 'admin',
    });
    expect(Date.parse(listed.to) - Date.parse(listed.from)).toBe(10 * 60_000);
    expect(Date.now() - Date.parse(listed.to)).toBeLessThan(3 * 60_000);
    expect(await row.getAttribute('data-hold-id')).toBe(String(listed.id));
    expect(await row.getAttribute('data-status')).toBe('inForce');
    expect(await row.getByTestId('hold-case').textContent()).toContain(caseNumber);
    // The app is in Thai: the period is written with its Buddhist-Era year.
    const year = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(
        new Date(listed.from),
      ),
    );
    expect(await row.getByTestId('hold-period').textContent()).toContain(String(year + 543));
    expect(await row.getByTestId('hold-play').getAttribute('href')).toBe(
      `#/playback/${camera.cameraId}?at=${encodeURIComponent(new Date(listed.from).toISOString())}`,
    );
    await page.screenshot({ path: screenshotPath('recordings-hold-placed') });

    // Release: asks for the reason first, then the hold leaves the list of holds in force.
    await row.getByTestId('hold-release').click();
    expect(await row.getByTestId('hold-release-confirm').isDisabled()).toBe(true);
    await row.getByTestId('hold-release-reason').fill('e2e: คดียุติแล้ว / case closed');
    await row.getByTestId('hold-release-confirm').click();
    await expect.poll(() => row.count()).toBe(0);

    // Every hold: this one, released by the admin with the reason.
    await page.getByTestId('holds-show-all').click();
    const released = page.locator(`[data-testid="hold-row"][data-hold-id="${listed.id}"]`);
    await released.waitFor();
    expect(await released.getAttribute('data-status')).toBe('released');
    expect(await released.getByTestId('hold-released').textContent()).toContain('case closed');
    expect(await released.getByTestId('hold-release').count()).toBe(0);
    const after = (await api<Hold[]>(admin, 'GET', '/api/evidence-holds?state=all')).find(
      (h) => h.id === listed.id,
    )!;
    expect(after).toMatchObject({ releasedBy: 'admin', releaseReason: 'e2e: คดียุติแล้ว / case closed' });
    const audit = await api<{ items: { action: string; username: string }[] }>(
      admin,
      'GET',
      `/api/audit?target=evidence-hold:${listed.id}`,
    );
    expect(audit.items.map((a) => a.action).sort()).toEqual([
      'evidence-hold.create',
      'evidence-hold.release',
    ]);
    await page.close();
  });

  it('shows the operator the same page read-only: no settings to change, no hold to place or release', async () => {
    const admin = await tokenFor('admin');
    const overview = await overviewWithReports(admin);
    const camera = overview.cameras[0]!;
    // A hold in force, so that a release button would have a row to appear on.
    const now = Date.now();
    const hold = await api<Hold>(admin, 'POST', '/api/evidence-holds', {
      cameraId: camera.cameraId,
      from: new Date(now - 5 * 60_000).toISOString(),
      to: new Date(now - 60_000).toISOString(),
      reason: `e2e: operator view ${randomBytes(4).toString('hex')}`,
    });

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(30_000);
    try {
      await openRecordings(page, 'operator');
      expect(await page.getByTestId('recordings-page').getAttribute('data-editable')).toBe('false');
      await page.getByTestId('recordings-storage').waitFor();

      const row = retentionRow(page, camera.cameraId);
      await row.waitFor();
      expect(await row.getAttribute('data-max-days')).toBe(String(camera.maxDays));
      await page.getByTestId('retention-read-only').waitFor();
      for (const control of [
        'retention-save',
        'retention-max-days',
        'retention-min-days',
        'retention-select',
      ])
        expect(await page.getByTestId(control).count(), control).toBe(0);
      expect(await page.getByTestId('retention-bulk').count()).toBe(0);

      const held = page.locator(`[data-testid="hold-row"][data-hold-id="${hold.id}"]`);
      await held.waitFor();
      expect(await held.getByTestId('hold-play').count()).toBe(1);
      expect(await page.getByTestId('hold-new').count()).toBe(0);
      expect(await page.getByTestId('hold-release').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('recordings-operator') });
    } finally {
      await api(admin, 'POST', `/api/evidence-holds/${hold.id}/release`, {
        reason: 'e2e: operator view done',
      });
      await page.close();
    }
  });

  it('is out of reach for viewers, police and planners: asking for it by address lands on their own page', async () => {
    for (const username of ['viewer', 'police', 'planner']) {
      const token = await tokenFor(username);
      const refused = await fetch(`${baseUrl}/api/recordings/overview`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.status, username).toBe(403);
    }
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logInAs(page, 'planner');
    await page.goto(`${baseUrl}/#/recordings`);
    await page.getByTestId('analysis-page').waitFor();
    expect(await page.getByTestId('recordings-page').count()).toBe(0);
    await page.close();
  });
});
