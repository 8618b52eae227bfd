// A fixture for one test file: started before the file's tests, closed after them, used through the object returned.
import { afterAll, beforeAll } from 'vitest';

/**
 * Starts `start()` before the calling file's tests and closes it after them. The object returned forwards reads and
 * writes to the started fixture, so the tests use it as the fixture itself (its own code sees the same values).
 */
export function useFileFixture<F extends { close(): Promise<void> }>(
  start: () => Promise<F>,
  timeoutMs?: number,
): F {
  let started: F | undefined;
  beforeAll(async () => {
    started = await start();
  }, timeoutMs);
  afterAll(async () => {
    await started?.close();
  });
  const current = (): F => {
    if (!started) throw new Error('the fixture is used before its start (outside a test?)');
    return started;
  };
  return new Proxy({} as F, {
    get: (_, key) => Reflect.get(current(), key),
    set: (_, key, value) => Reflect.set(current(), key, value),
  });
}
