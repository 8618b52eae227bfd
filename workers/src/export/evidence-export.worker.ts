// The export queue's consumer: one request at a time per worker process (an export is disk- and ffmpeg-heavy).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'bullmq';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '@toc/server/repo-root';
import { QUEUES, type EvidenceExportJob } from '@toc/server/schemas';
import type { ExportContext } from './export-context';
import { exportRequest } from './export-request';
import { launchLetterBrowser } from './letter-browser';

/** The version written into every manifest: the package's, and the commit when the deployment says which. */
export async function softwareVersion(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version?: string;
  };
  const commit = process.env.TOC_COMMIT ? `+${process.env.TOC_COMMIT.slice(0, 12)}` : '';
  return { name: pkg.name, version: `${pkg.version ?? '0.0.0'}${commit}` };
}

/** A browser started on first use and reused; closed with the worker. */
export function lazyBrowser(): { get: () => Promise<Browser>; close: () => Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    get: () => {
      // A browser that crashed or was closed is started again for the next letter.
      browser ??= launchLetterBrowser().then(
        (launched) => {
          launched.on('disconnected', () => {
            browser = null;
          });
          return launched;
        },
        (error) => {
          browser = null;
          throw error;
        },
      );
      return browser;
    },
    close: async () => {
      if (browser) await (await browser.catch(() => null))?.close();
    },
  };
}

export function startEvidenceExportWorker(
  ctx: ExportContext,
  redis: { url: string; prefix: string },
): Worker<EvidenceExportJob> {
  return new Worker<EvidenceExportJob>(
    QUEUES.evidenceExports,
    async (job) => exportRequest(ctx, job.data.requestId),
    {
      connection: { url: redis.url, maxRetriesPerRequest: null },
      prefix: redis.prefix,
      concurrency: 1,
      // A 10-minute window of several cameras takes a while; the lock is renewed while it runs.
      lockDuration: 60_000,
    },
  );
}
