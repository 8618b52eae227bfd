// Writes a camera's outputs to the database in order; while the database is unreachable it holds them (bounded) and
// writes them once it is back, so the analysis goes on and what it found during the outage is not lost.

export type JournalLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  detail?: Record<string, unknown>,
) => void;

export interface WriteJournalOptions {
  /** True for a failure that says the database is not there (hold and retry), not that the write is bad (give up). */
  isOutage: (error: unknown) => boolean;
  /** Writes held at most: past it the oldest waiting ones are given up (and counted), not the process's memory. */
  maxHeld: number;
  retryMinMs: number;
  retryMaxMs: number;
  log: JournalLog;
  /** What the log lines name (e.g. the camera). */
  detail?: Record<string, unknown>;
  sleep?: (ms: number) => Promise<void>;
}

interface HeldWrite {
  what: string;
  run: () => Promise<void>;
}

/** The held writes, for the camera's health. */
export interface JournalState {
  held: number;
  /** When the first write still held failed (ms since the epoch), or null when nothing is held. */
  holdingSince: number | null;
  givenUp: number;
}

export class WriteJournal {
  private readonly held: HeldWrite[] = [];
  private draining: Promise<void> = Promise.resolve();
  private holdingSince: number | null = null;
  private givenUp = 0;

  constructor(private readonly options: WriteJournalOptions) {}

  /**
   * With nothing held the write runs now and the caller waits for it, as it would without the journal. Behind held
   * writes, or when it finds the database away, it is held and the call returns at once: the caller keeps going.
   */
  async write(what: string, run: () => Promise<void>): Promise<void> {
    if (this.held.length > 0) return this.hold({ what, run });
    try {
      await run();
    } catch (error) {
      if (this.options.isOutage(error)) return this.hold({ what, run }, error);
      this.failed(what, error);
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

  private hold(write: HeldWrite, cause?: unknown): void {
    if (this.held.length >= this.options.maxHeld) {
      // The first one is being retried; the next oldest goes.
      const [dropped] = this.held.splice(1, 1);
      this.givenUp += 1;
      this.options.log('error', 'database away too long: a held write was given up', {
        ...this.options.detail,
        what: dropped?.what,
        givenUp: this.givenUp,
      });
    }
    this.held.push(write);
    if (this.held.length === 1) {
      this.holdingSince = Date.now();
      this.options.log('warn', 'database unreachable: holding the writes until it is back', {
        ...this.options.detail,
        error: (cause as Error | undefined)?.message,
      });
      this.draining = this.drain();
    }
  }

  private async drain(): Promise<void> {
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let delay = this.options.retryMinMs;
    let written = 0;
    while (this.held.length > 0) {
      const next = this.held[0]!;
      try {
        await next.run();
        written += 1;
      } catch (error) {
        if (this.options.isOutage(error)) {
          await sleep(delay);
          delay = Math.min(delay * 2, this.options.retryMaxMs);
          continue;
        }
        this.failed(next.what, error);
      }
      this.held.shift();
      delay = this.options.retryMinMs;
    }
    const heldMs = Date.now() - (this.holdingSince ?? Date.now());
    this.holdingSince = null;
    this.options.log('info', 'database back: the held writes are written', {
      ...this.options.detail,
      written,
      heldMs,
    });
  }

  private failed(what: string, error: unknown): void {
    this.options.log('error', `${what} failed`, { ...this.options.detail, error: (error as Error).message });
  }
}
