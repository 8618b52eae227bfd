// Small: the write journal runs writes at once while the database answers, holds them in order while it is away,
// writes them when it is back, gives up bad writes and, past its bound, the oldest waiting ones; a stop waits for
// the held writes up to a limit.
import { describe, expect, it } from 'vitest';
import { WriteJournal, type WriteJournalOptions } from './write-journal';

class Outage extends Error {}

/** A write as the test makes it: a name, and what writing it does. */
interface TestWrite {
  name: string;
  run: () => Promise<void>;
}

/** A database that is up or down, recording the writes it accepted. */
function fakeDatabase() {
  const state = { up: true, written: [] as string[] };
  const write = (name: string): TestWrite => ({
    name,
    run: async () => {
      if (!state.up) throw new Outage('connection refused');
      state.written.push(name);
    },
  });
  return { state, write };
}

const failing = (name: string, message: string): TestWrite => ({
  name,
  run: async () => {
    throw new Error(message);
  },
});

function journal(overrides: Partial<WriteJournalOptions<TestWrite>> = {}) {
  const logged: string[] = [];
  const naps: number[] = [];
  const wake: Array<() => void> = [];
  const j = new WriteJournal<TestWrite>({
    apply: (write) => write.run(),
    describe: (write) => write.name,
    isOutage: (error) => error instanceof Outage,
    maxHeld: 100,
    retryMinMs: 100,
    retryMaxMs: 400,
    log: (level, message) => logged.push(`${level} ${message}`),
    // Each retry waits until the test lets it go.
    sleep: (ms) => {
      naps.push(ms);
      return new Promise((resolve) => wake.push(resolve));
    },
    ...overrides,
  });
  const retry = async () => {
    await new Promise((r) => setImmediate(r));
    wake.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { j, logged, naps, retry };
}

describe('WriteJournal', () => {
  it('writes at once while the database answers', async () => {
    const db = fakeDatabase();
    const { j } = journal();
    await j.write(db.write('a'));
    await j.write(db.write('b'));
    expect(db.state.written).toEqual(['a', 'b']);
    expect(j.state()).toEqual({ held: 0, holdingSince: null, givenUp: 0 });
  });

  it('holds the writes in order while the database is away and writes them when it is back', async () => {
    const db = fakeDatabase();
    const { j, logged, naps, retry } = journal();
    await j.write(db.write('a'));
    db.state.up = false;
    await j.write(db.write('b'));
    await j.write(db.write('c'));
    expect(j.state().held).toBe(2);
    expect(j.state().holdingSince).not.toBeNull();
    await retry();
    await retry();
    await retry();
    // Backing off, doubling up to the max.
    expect(naps.slice(0, 4)).toEqual([100, 200, 400, 400]);
    db.state.up = true;
    await retry();
    await j.flushed();
    expect(db.state.written).toEqual(['a', 'b', 'c']);
    expect(j.state()).toEqual({ held: 0, holdingSince: null, givenUp: 0 });
    expect(logged).toEqual([
      'warn database unreachable: holding the writes until it is back',
      'info database back: the held writes are written',
    ]);
    // Nothing held: writes run at once again.
    await j.write(db.write('d'));
    expect(db.state.written).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives up a bad write, held or not, and goes on with the next', async () => {
    const db = fakeDatabase();
    const { j, logged, retry } = journal();
    await j.write(failing('bad', 'violates check constraint'));
    db.state.up = false;
    await j.write(db.write('a'));
    await j.write(failing('bad again', 'invalid input'));
    await j.write(db.write('b'));
    db.state.up = true;
    await retry();
    await j.flushed();
    expect(db.state.written).toEqual(['a', 'b']);
    expect(logged.filter((line) => line.startsWith('error'))).toEqual([
      'error bad failed',
      'error bad again failed',
    ]);
  });

  it('past its bound gives up the oldest waiting write, never the one being retried', async () => {
    const db = fakeDatabase();
    const { j, retry } = journal({ maxHeld: 3 });
    db.state.up = false;
    for (const name of ['a', 'b', 'c', 'd', 'e']) await j.write(db.write(name));
    expect(j.state()).toMatchObject({ held: 3, givenUp: 2 });
    db.state.up = true;
    await retry();
    await j.flushed();
    expect(db.state.written).toEqual(['a', 'd', 'e']);
  });

  it('lets a stop wait for the held writes, up to a limit', async () => {
    const db = fakeDatabase();
    const { j, retry } = journal();
    expect(await j.flushedWithin(10)).toBe(true);
    db.state.up = false;
    await j.write(db.write('a'));
    // Still away: the wait ends at its limit with the write held.
    expect(await j.flushedWithin(20)).toBe(false);
    expect(j.state().held).toBe(1);
    // Back while the stop waits: the wait ends once the write is in.
    const waiting = j.flushedWithin(60_000);
    db.state.up = true;
    await retry();
    expect(await waiting).toBe(true);
    expect(db.state.written).toEqual(['a']);
  });
});
