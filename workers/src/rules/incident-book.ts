// Turns repeated rule signals into incident lifecycles: open once, throttled updates, end after silence, cooldown against flapping.
import type { RuleSignal } from '../pipeline/types';
import { SEVERITY_RANK } from './signal';

export interface IncidentBookOptions {
  /** Updates for an open incident at most this often, unless its severity rises. */
  updateEveryS: number;
  /** An incident ends when its key has not been signalled for this long. */
  endAfterS: number;
  /** After ending, the same key within this long re-opens the same incident instead of a new one. */
  cooldownS: number;
}

export const DEFAULT_INCIDENT_BOOK_OPTIONS: IncidentBookOptions = {
  updateEveryS: 5,
  endAfterS: 10,
  cooldownS: 60,
};

export interface IncidentEntry {
  key: string;
  /** The signal as last sent (open or update). */
  sent: RuleSignal;
  openedAt: number;
  lastSignalAt: number;
  lastSentAt: number;
  endedAt: number | null;
}

export type IncidentAction =
  | { action: 'open'; signal: RuleSignal }
  /** `reopened` when the incident had ended and came back within the cooldown: un-end it. */
  | { action: 'update'; key: string; signal: RuleSignal; reopened: boolean }
  /** `at` is when the key was last signalled, i.e. when the condition was last seen. */
  | { action: 'end'; key: string; at: number };

export interface IncidentBook {
  options: IncidentBookOptions;
  entries: ReadonlyMap<string, IncidentEntry>;
}

export const createIncidentBook = (options: Partial<IncidentBookOptions> = {}): IncidentBook => ({
  options: { ...DEFAULT_INCIDENT_BOOK_OPTIONS, ...options },
  entries: new Map(),
});

/** The incident of `key` is open (signalled within the end time, not ended). */
export const isRunning = (book: IncidentBook, key: string): boolean => {
  const entry = book.entries.get(key);
  return entry !== undefined && entry.endedAt === null;
};

/** One signal per key: the most severe, then the most confident. */
function strongestByKey(signals: readonly RuleSignal[]): Map<string, RuleSignal> {
  const byKey = new Map<string, RuleSignal>();
  for (const signal of signals) {
    const current = byKey.get(signal.key);
    const stronger =
      !current ||
      SEVERITY_RANK[signal.severity] > SEVERITY_RANK[current.severity] ||
      (signal.severity === current.severity && signal.confidence > current.confidence);
    if (stronger) byKey.set(signal.key, signal);
  }
  return byKey;
}

/** Pure: returns a new book and the actions to apply to the event store, in order. */
export function reconcileIncidents(
  book: IncidentBook,
  signals: readonly RuleSignal[],
  tMs: number,
): { book: IncidentBook; actions: IncidentAction[] } {
  const { updateEveryS, endAfterS, cooldownS } = book.options;
  const entries = new Map(book.entries);
  const actions: IncidentAction[] = [];

  for (const [key, signal] of strongestByKey(signals)) {
    const entry = entries.get(key);
    if (!entry || (entry.endedAt !== null && tMs - entry.endedAt > cooldownS * 1000)) {
      actions.push({ action: 'open', signal });
      entries.set(key, {
        key,
        sent: signal,
        openedAt: tMs,
        lastSignalAt: tMs,
        lastSentAt: tMs,
        endedAt: null,
      });
      continue;
    }
    const reopened = entry.endedAt !== null;
    const rises = SEVERITY_RANK[signal.severity] > SEVERITY_RANK[entry.sent.severity];
    const due = tMs - entry.lastSentAt >= updateEveryS * 1000;
    if (reopened || rises || due) {
      actions.push({ action: 'update', key, signal, reopened });
      entries.set(key, { ...entry, sent: signal, lastSignalAt: tMs, lastSentAt: tMs, endedAt: null });
    } else {
      entries.set(key, { ...entry, lastSignalAt: tMs });
    }
  }

  for (const [key, entry] of entries) {
    if (entry.endedAt === null && tMs - entry.lastSignalAt >= endAfterS * 1000) {
      actions.push({ action: 'end', key, at: entry.lastSignalAt });
      entries.set(key, { ...entry, endedAt: tMs });
    } else if (entry.endedAt !== null && tMs - entry.endedAt > cooldownS * 1000) {
      entries.delete(key);
    }
  }
  return { book: { options: book.options, entries }, actions };
}
