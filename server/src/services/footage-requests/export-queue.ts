// The BullMQ queue the server puts approved requests on; the export workers take them from it.
import { Queue } from 'bullmq';
import { QUEUES, type EvidenceExportJob } from '../../schemas';
import type { ExportQueue } from './request-context';

export class BullExportQueue implements ExportQueue {
  private readonly queue: Queue<EvidenceExportJob>;

  constructor(redisUrl: string, prefix: string) {
    this.queue = new Queue<EvidenceExportJob>(QUEUES.evidenceExports, {
      connection: { url: redisUrl, maxRetriesPerRequest: null },
      prefix,
    });
  }

  async enqueue(requestId: number): Promise<void> {
    // The job id carries the time so a retry after a failure is a new job, while a double click is one.
    await this.queue.add(
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

  close(): Promise<void> {
    return this.queue.close();
  }
}
