// The export queue's consumer: one request at a time per worker process (an export is disk- and ffmpeg-heavy).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'bullmq';
import { REPO_ROOT } from '@toc/server/repo-root';
import { QUEUES, type EvidenceExportJob } from '@toc/server/schemas';
import type { ExportContext } from './export-context';
import { exportRequest } from './export-request';

/** The version written into every manifest: the package's, and the commit when the deployment says which. */
export async function softwareVersion(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version?: string;
  };
  const commit = process.env.TOC_COMMIT ? `+${process.env.TOC_COMMIT.slice(0, 12)}` : '';
  return { name: pkg.name, version: `${pkg.version ?? '0.0.0'}${commit}` };
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
