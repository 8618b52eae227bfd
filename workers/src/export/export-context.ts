// What an evidence export needs: the database and Redis, the settings, the signing key, a printer for the letter.
import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { EvidenceConfig } from '@toc/server/evidence-config';
import type { ChannelNames } from '@toc/server/realtime/channel-names';
import type { EvidenceSigningKey } from '@toc/server/lib/evidence-signing-key';
import type { RequestJobs } from '@toc/server/services/footage-requests/request-context';
import type { LetterPrinter } from './letter-printer';

export interface ExportContext {
  db: pg.Pool;
  redis: Redis;
  /** The deployment's Redis pub/sub channels: the request's steps and progress go to `footageRequests`. */
  channels: ChannelNames;
  /** Notices of the export's steps go to the request's station. */
  jobs: RequestJobs;
  evidence: EvidenceConfig;
  /** RECORDINGS_DIR: where the recorded segments are. */
  recordingsDir: string;
  key: EvidenceSigningKey;
  /** Prints hand-over letters (its browser started on first use and kept for the next). */
  letters: Pick<LetterPrinter, 'warm' | 'print'>;
  /** Also make a re-encoded working copy with the camera name and time burned in. */
  workingCopies: boolean;
  software: { name: string; version: string };
  now: () => Date;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}
