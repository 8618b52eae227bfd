// closeWithin: a close in time is awaited, a hanging one is cut off at the limit by dropping the connection.
import { describe, expect, it, vi } from 'vitest';
import { closeWithin } from './close-within';

describe('closeWithin', () => {
  it('waits for a close that finishes in time and leaves the connection alone', async () => {
    const target = { close: vi.fn(async () => undefined), disconnect: vi.fn(async () => undefined) };
    await closeWithin(target, 1000);
    expect(target.disconnect).not.toHaveBeenCalled();
  });

  it('drops the connection of a close that hangs, and returns at the limit', async () => {
    const target = {
      close: vi.fn(() => new Promise<void>(() => undefined)),
      disconnect: vi.fn(() => new Promise<void>(() => undefined)),
    };
    await closeWithin(target, 50); // returns: a hang would time the test out
    expect(target.disconnect).toHaveBeenCalledOnce();
  });

  it('passes on the error of a close that fails', async () => {
    const target = {
      close: vi.fn(async () => Promise.reject(new Error('gone'))),
      disconnect: vi.fn(async () => undefined),
    };
    await expect(closeWithin(target, 1000)).rejects.toThrow('gone');
  });
});
