// What every footage-request action needs: the database, Redis for announcements, the caller, the clock, the settings.
import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { EvidenceConfig } from '../../evidence-config';
import type { SessionUser } from '../../schemas';
import type { ClientInfo } from '../auth.service';

/** Queues the export of an approved request (BullMQ in the server; a test may run the job directly). */
export interface ExportQueue {
  enqueue(requestId: number): Promise<void>;
}

export interface RequestContext {
  db: pg.Pool;
  redis: Redis;
  user: SessionUser;
  client: ClientInfo;
  now: Date;
  evidence: EvidenceConfig;
  exports: ExportQueue;
}
