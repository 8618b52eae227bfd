// Closes a BullMQ queue or queue-events object within a time limit: close() can wait for good on a connection left
// in a reconnecting state after Redis went away (taskforcesh/bullmq#4656; measured here: QueueEvents after a Redis
// restart), which would hang a graceful shutdown. Past the limit the connection is dropped instead.
interface Closable {
  close(): Promise<void>;
  disconnect(): Promise<void>;
}

export async function closeWithin(target: Closable, limitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limitMs)));
  const closed = target.close().then(() => 'closed' as const);
  closed.catch(() => undefined);
  try {
    // disconnect() may wait on the same stuck connection: it is started, not awaited.
    if ((await Promise.race([closed, late])) === 'late') target.disconnect().catch(() => undefined);
  } finally {
    clearTimeout(timer);
  }
}
