// Writes a camera's outputs to the database in order; while the database is unreachable it holds them (bounded, and
// write-ahead on disk when given a spill) and writes them once it is back, so the analysis goes on and what it found
// during the outage is not lost, not even with the process.

export type JournalLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  detail?: Record<string, unknown>,
) => void;

/** Where held writes are kept on disk until they leave the journal (write-spill.ts). */
export interface JournalSpill<W> {
  /** Appends a held write; `stored` resolves once it is on disk (or could not be, which the spill logs). */
  add(write: W): { id: number; stored: Promise<void> };
  /** The write left the journal: written, or given up. */
  remove(id: number): void;
  /** Nothing is held any more. */
  clear(): void;
  /** No more changes: what is still on disk stays there for the camera's next owner. */
  close(): Promise<void>;
}

export interface WriteJournalOptions<W> {
  /** Writes one; throws when it fails. */
  apply: (write: W) => Promise<void>;
  /** What the log lines call it. */
  describe: (write: W) => string;
  /** True for a failure that says the database is not there (hold and retry), not that the write is bad (give up). */
  isOutage: (error: unknown) => boolean;
  /** Writes held at most: past it the oldest waiting ones are given up (and counted), not the process's memory. */
  maxHeld: number;
  retryMinMs: number;
  retryMaxMs: number;
  log: JournalLog;
  spill?: JournalSpill<W>;
  /**
   * A write not answered within this long goes to the spill while it waits: on a saturated pool a write waits up to
   * DB_CONNECT_TIMEOUT_S for a connection before it counts as an outage, and a worker killed meanwhile (its shutdown
   * grace over) must not lose it. Unset: only held writes are spilled.
   */
  spillSlowAfterMs?: number;
  /** What the log lines name (e.g. the camera). */
  detail?: Record<string, unknown>;
  sleep?: (ms: number) => Promise<void>;
}

type Spilled = ReturnType<JournalSpill<unknown>['add']>;

interface Held<W> {
  write: W;
  spillId: number | null;
}

/** The held writes, for the camera's health. */
export interface JournalState {
  held: number;
  /** When the first write still held failed (ms since the epoch), or null when nothing is held. */
  holdingSince: number | null;
  givenUp: number;
}

export class WriteJournal<W> {
  private readonly held: Held<W>[] = [];
  private draining: Promise<void> = Promise.resolve();
  private holdingSince: number | null = null;
  private givenUp = 0;
  private abandoned = false;
  private wakeDrain: (() => void) | null = null;

  constructor(private readonly options: WriteJournalOptions<W>) {}

  /**
   * With nothing held the write runs now and the caller waits for it, as it would without the journal. Behind held
   * writes, or when it finds the database away, it is held (and on disk, with a spill) and the call returns: the
   * caller keeps going.
   */
  async write(write: W): Promise<void> {
    if (this.abandoned) {
      this.failed(write, new Error('the camera was handed back'));
      return;
    }
    if (this.held.length > 0) return this.hold(write);
    const { spill, spillSlowAfterMs } = this.options;
    let spilled: Spilled | undefined;
    const slow =
      spill && spillSlowAfterMs !== undefined
        ? setTimeout(() => (spilled = spill.add(write)), spillSlowAfterMs)
        : undefined;
    try {
      await this.options.apply(write);
      clearTimeout(slow);
      if (spilled) spill?.remove(spilled.id);
    } catch (error) {
      clearTimeout(slow);
      if (this.options.isOutage(error)) return this.hold(write, error, spilled);
      if (spilled) spill?.remove(spilled.id);
      this.failed(write, error);
    }
  }

  /**
   * Writes a previous owner of the camera held and left on disk, with their spill ids: held first, in order, and
   * written as the journal's own are (at once when the database answers).
   */
  resume(writes: readonly { id: number; write: W }[]): void {
    if (writes.length === 0) return;
    const wasEmpty = this.held.length === 0;
    this.held.push(...writes.map(({ id, write }) => ({ write, spillId: id })));
    if (wasEmpty) {
      this.holdingSince = Date.now();
      this.draining = this.drain();
    }
  }

  state(): JournalState {
    return { held: this.held.length, holdingSince: this.holdingSince, givenUp: this.givenUp };
  }

  /** Resolves once everything held so far is written (or given up). */
  flushed(): Promise<void> {
    return this.draining;
  }

  /**
   * Waits at most `ms` for everything held to be written; true when it was. A camera being handed back waits here,
   * so what it held through a short outage is written before its worker exits.
   */
  async flushedWithin(ms: number): Promise<boolean> {
    if (this.held.length === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      return await Promise.race([this.draining.then(() => this.held.length === 0), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The camera is handed back: no more tries. A try under way is waited for, so the spill says exactly what was
   * written; what is still held stays in the spill for the camera's next owner (and only there).
   */
  async abandon(): Promise<void> {
    this.abandoned = true;
    this.wakeDrain?.();
    await this.draining;
    await this.options.spill?.close();
  }

  /** `spilled`: already in the spill (a slow write), not added again. */
  private async hold(write: W, cause?: unknown, spilled = this.options.spill?.add(write)): Promise<void> {
    if (this.held.length >= this.options.maxHeld) {
      // The first one is being retried; the next oldest goes.
      const [dropped] = this.held.splice(1, 1);
      this.givenUp += 1;
      if (dropped && dropped.spillId !== null) this.options.spill?.remove(dropped.spillId);
      this.options.log('error', 'database away too long: a held write was given up', {
        ...this.options.detail,
        what: dropped ? this.options.describe(dropped.write) : undefined,
        givenUp: this.givenUp,
      });
    }
    this.held.push({ write, spillId: spilled?.id ?? null });
    if (this.held.length === 1) {
      this.holdingSince = Date.now();
      this.options.log('warn', 'database unreachable: holding the writes until it is back', {
        ...this.options.detail,
        error: (cause as Error | undefined)?.message,
      });
      this.draining = this.drain();
    }
    // Write-ahead: the caller goes on only once the write would survive the process.
    await spilled?.stored;
  }

  private async drain(): Promise<void> {
    let delay = this.options.retryMinMs;
    let written = 0;
    while (this.held.length > 0 && !this.abandoned) {
      const next = this.held[0]!;
      try {
        await this.options.apply(next.write);
        written += 1;
      } catch (error) {
        if (this.options.isOutage(error)) {
          await this.pause(delay);
          delay = Math.min(delay * 2, this.options.retryMaxMs);
          continue;
        }
        this.failed(next.write, error);
      }
      this.held.shift();
      if (next.spillId !== null) this.options.spill?.remove(next.spillId);
      delay = this.options.retryMinMs;
    }
    if (this.abandoned) return;
    this.options.spill?.clear();
    const heldMs = Date.now() - (this.holdingSince ?? Date.now());
    this.holdingSince = null;
    this.options.log('info', 'database back: the held writes are written', {
      ...this.options.detail,
      written,
      heldMs,
    });
  }

  /** The backoff between tries, cut short when the camera is handed back. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeDrain = null;
        resolve();
      };
      const timer = this.options.sleep ? undefined : setTimeout(done, ms);
      void this.options.sleep?.(ms).then(done);
      this.wakeDrain = done;
    });
  }

  private failed(write: W, error: unknown): void {
    this.options.log('error', `${this.options.describe(write)} failed`, {
      ...this.options.detail,
      error: (error as Error).message,
    });
  }
}
