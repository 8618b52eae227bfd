// What every footage-request action needs: the database, Redis for announcements, the caller, the clock, the settings.
import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { ChannelNames } from '../../realtime/channel-names';
import type { EvidenceConfig } from '../../evidence-config';
import type { RequestNoticeJob, SessionUser } from '../../schemas';
import type { ClientInfo } from '../auth.service';

/** The background work a request's steps start: its export, and notices to its station's channels. */
export interface RequestJobs {
  exportRequest(requestId: number): Promise<void>;
  notice(job: RequestNoticeJob): Promise<void>;
}

export interface RequestContext {
  db: pg.Pool;
  redis: Redis;
  /** The deployment's Redis pub/sub channels. */
  channels: ChannelNames;
  user: SessionUser;
  client: ClientInfo;
  now: Date;
  evidence: EvidenceConfig;
  jobs: RequestJobs;
}
