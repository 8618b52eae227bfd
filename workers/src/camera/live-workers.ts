// The workers connected to a BullMQ queue now, by the name each was started with (WORKER_ID).
import type { Queue } from 'bullmq';

/** BullMQ names a named worker's Redis connections `<queue client name>:w:<worker name>`. */
const WORKER_MARKER = ':w:';

/**
 * Redis lists the connections open now, so a killed worker drops out as soon as the kernel closes its sockets;
 * unnamed workers are left out.
 */
export async function liveWorkerIds(queue: Queue): Promise<Set<string>> {
  const clients = (await queue.getWorkers()) as { rawname?: string }[];
  const ids = new Set<string>();
  for (const { rawname } of clients) {
    const at = rawname?.indexOf(WORKER_MARKER) ?? -1;
    if (rawname && at >= 0) ids.add(rawname.slice(at + WORKER_MARKER.length));
  }
  return ids;
}
