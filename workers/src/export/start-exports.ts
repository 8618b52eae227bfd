// Starts this worker's share of evidence exports: the signing key loaded (or, for the demo, made), then the queue taken.
import type pg from 'pg';
import type { Redis } from 'ioredis';
import { loadSigningKey } from '@toc/server/lib/evidence-signing-key';
import { channelNames } from '@toc/server/realtime/channel-names';
import type { WorkerConfig } from '../config';
import type { ExportContext } from './export-context';
import { BullRequestJobs } from '@toc/server/services/footage-requests/request-jobs';
import { softwareVersion, startEvidenceExportWorker } from './evidence-export.worker';
import { createLetterPrinter } from './letter-printer';

export async function startExports(deps: {
  config: WorkerConfig;
  db: pg.Pool;
  redis: Redis;
  log: ExportContext['log'];
}): Promise<{ close: () => Promise<void> } | null> {
  const { config, log } = deps;
  if (!config.recording.dir) {
    log('warn', 'evidence exports off: RECORDINGS_DIR is not set, there is no footage to export');
    return null;
  }
  const key = await loadSigningKey(config.evidence.signingKeyFile, {
    createIfMissing: config.evidence.createSigningKey,
  }).catch((error: Error) => {
    // Approved requests wait in the queue until a key is configured: nothing is exported unsigned.
    log('error', 'evidence exports off: no signing key', { err: error.message });
    return null;
  });
  if (!key) return null;
  const letters = createLetterPrinter();
  const jobs = new BullRequestJobs(config.redisUrl, config.queuePrefix);
  const worker = startEvidenceExportWorker(
    {
      db: deps.db,
      redis: deps.redis,
      channels: channelNames(config.queuePrefix),
      jobs,
      evidence: config.evidence,
      recordingsDir: config.recording.dir,
      key,
      letters,
      workingCopies: config.evidence.workingCopies,
      software: await softwareVersion(),
      now: () => new Date(),
      log,
    },
    { url: config.redisUrl, prefix: config.queuePrefix },
  );
  worker.on('failed', (job, error) =>
    log('warn', 'evidence export job failed', { jobId: job?.id, err: error.message }),
  );
  return {
    close: async () => {
      await worker.close();
      await letters.close();
      await jobs.close();
    },
  };
}
