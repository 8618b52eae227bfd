// Seek time as an operator sees it: in Chromium, from asking the playback page for an instant (a click on the
// timeline or an alarm's link sets the address) to the first frame of that instant on screen, through the real
// server, hls.js and the footage the benchmark just recorded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '@toc/server/config';
import type { Pool } from '@toc/server/db/pool';
import type { RecordingConfig } from '@toc/server/recording-config';
import { rolePassword } from '@toc/server/testing';
import { percentile } from './bench-media';
import { startBenchServer } from './record-server';

export interface SeekContext {
  db: Pool;
  recording: RecordingConfig;
  cameraId: number;
}

/**
 * Runs in the page: sets the address and resolves with the milliseconds until a decoded frame of the asked instant is
 * on screen. A string, not a function: the bundler that runs this file would wrap a function's inner helpers in
 * names the page does not have.
 */
const SEEK_IN_PAGE = `({ hash, target, within }) => new Promise((resolve, reject) => {
  const started = performance.now();
  window.location.hash = hash;
  const check = () => {
    const video = document.querySelector('[data-testid="playback-video"]');
    const shown = document.querySelector('[data-testid="playback-clock"]')?.dataset.at;
    if (video && video.readyState >= 2 && shown && Math.abs(Date.parse(shown) - target) < within) resolve(performance.now() - started);
    else if (performance.now() - started > 30000) reject(new Error('instant not shown in 30 s'));
    else setTimeout(check, 5);
  };
  check();
})`;

/** The page's player shows a decoded frame and its clock names the asked instant (to within a frame or two). */
const SHOWN_WITHIN_MS = 1_500;

function ensureWebBuilt(): void {
  if (existsSync(path.join(REPO_ROOT, 'web', 'dist', 'index.html'))) return;
  const build = spawnSync('npm', ['run', 'build', '--silent', '-w', '@toc/web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('web build failed');
}

export async function measureSeek(
  ctx: SeekContext,
  seeks = 9,
): Promise<{ medianMs: number; samples: number }> {
  ensureWebBuilt();
  const server = await startBenchServer(ctx.db, ctx.recording);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(60_000);
    await page.goto(server.base);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(rolePassword('operator'));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-role').waitFor();

    // Instants inside recorded segments, alternating between the earliest and the latest footage so each seek
    // lands far from where the player is (a nearby instant could already be on screen).
    const { rows } = await ctx.db.query<{ started_at: Date }>(
      'SELECT started_at FROM recording_segments WHERE camera_id = $1 ORDER BY started_at',
      [ctx.cameraId],
    );
    if (rows.length < 2) throw new Error('too little footage recorded to measure seeks');
    const half = Math.floor(rows.length / 2);
    const times: number[] = [];
    // One more than measured: the first also loads the page's code.
    for (let i = 0; i <= seeks; i++) {
      const segment =
        i % 2 === 0 ? rows[(i / 2) % half]! : rows[half + (((i - 1) / 2) % (rows.length - half))]!;
      const at = segment.started_at.getTime() + 1_500;
      const seek = {
        hash: `#/playback/${ctx.cameraId}?at=${new Date(at).toISOString()}`,
        target: at,
        within: SHOWN_WITHIN_MS,
      };
      const ms = await page.evaluate<number>(`(${SEEK_IN_PAGE})(${JSON.stringify(seek)})`);
      if (i > 0) times.push(ms);
    }
    return { medianMs: percentile(times, 50), samples: times.length };
  } finally {
    await browser.close();
    await server.app.close();
  }
}
