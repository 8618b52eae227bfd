// The BullMQ queues a request's steps feed: exports of approved requests and notices to stations' channels; the
// workers take both.
import { Queue } from 'bullmq';
import { QUEUES, type EvidenceExportJob, type RequestNoticeJob } from '../../schemas';
import type { RequestJobs } from './request-context';

export class BullRequestJobs implements RequestJobs {
  private readonly exports: Queue<EvidenceExportJob>;
  private readonly notices: Queue<RequestNoticeJob>;

  constructor(redisUrl: string, prefix: string) {
    const connection = { url: redisUrl, maxRetriesPerRequest: null };
    this.exports = new Queue<EvidenceExportJob>(QUEUES.evidenceExports, { connection, prefix });
    this.notices = new Queue<RequestNoticeJob>(QUEUES.requestNotices, { connection, prefix });
  }

  async exportRequest(requestId: number): Promise<void> {
    // The job id carries the time so a retry after a failure is a new job, while a double click is one.
    await this.exports.add(
      'export',
      { requestId },
      {
        jobId: `request-${requestId}-${Math.floor(Date.now() / 10_000)}`,
        attempts: 1,
        removeOnComplete: { age: 86_400 },
        removeOnFail: { age: 7 * 86_400 },
      },
    );
  }

  async notice(job: RequestNoticeJob): Promise<void> {
    // One notice per step: a repeated announcement of the same step is the same job.
    await this.notices.add('notice', job, {
      jobId: `notice-${job.id}-${job.status}-${Date.parse(job.at)}`,
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 86_400 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.exports.close(), this.notices.close()]);
  }
}
