// The text of a held-writes spill: one JSON line per held write (its binary parts, frames and crops, go to side
// files and are named by index), one line per write that left the journal, and the reading of it back.
import type { HeldWrite } from './held-write';

/** One held write read back, its binary parts still to be filled in (withParts). */
export interface SpilledEntry {
  seq: number;
  /** When it was held (ms since the epoch). */
  at: number;
  parts: number;
  write: unknown;
  /** The line as stored, for a compaction that keeps it as it is. */
  line: string;
}

export interface ParsedSpill {
  /** Held writes not yet written or given up, oldest first. */
  entries: SpilledEntry[];
  /** Lines saying a write left the journal. */
  doneLines: number;
  maxSeq: number;
  /** Bytes up to the end of the last whole line: a torn last line is cut back to here. */
  wholeBytes: number;
  /** The last line was cut off or unreadable (a process killed while appending it). */
  tornTail: boolean;
  /** Unreadable lines before the last (1-based): the file cannot be trusted. */
  badLines: number[];
}

const PART = '$part';
const KINDS = new Set<HeldWrite['kind']>([
  'incident',
  'series',
  'vehicle-count',
  'incidents-end',
  'leftovers-close',
]);

/** The entry's line (no newline) and its binary parts, in the order their markers name them. */
export function encodeEntry(
  seq: number,
  at: number,
  write: HeldWrite,
): { line: string; parts: Uint8Array[] } {
  const parts: Uint8Array[] = [];
  // A function replacer sees the value before toJSON (a Buffer would otherwise arrive as an array of numbers).
  const json = JSON.stringify(write, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Uint8Array) {
      parts.push(raw);
      return { [PART]: parts.length - 1 };
    }
    return value;
  });
  return { line: `{"seq":${seq},"at":${at},"parts":${parts.length},"write":${json}}`, parts };
}

export const encodeDone = (seq: number): string => JSON.stringify({ done: seq });

const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

function readLine(line: string): { entry: SpilledEntry } | { done: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (isSeq(record.done)) return { done: record.done };
  const write = record.write as { kind?: unknown } | null | undefined;
  const wellFormed =
    isSeq(record.seq) &&
    typeof record.at === 'number' &&
    Number.isSafeInteger(record.parts) &&
    (record.parts as number) >= 0 &&
    typeof write === 'object' &&
    write !== null &&
    KINDS.has(write.kind as HeldWrite['kind']);
  if (!wellFormed) return null;
  return {
    entry: { seq: record.seq as number, at: record.at as number, parts: record.parts as number, write, line },
  };
}

export function parseSpill(text: string): ParsedSpill {
  const lines = text.split('\n');
  // A whole line ends with its newline: what follows the last one is a torn append (or nothing).
  const tail = lines.pop()!;
  const entries = new Map<number, SpilledEntry>();
  const done = new Set<number>();
  const bad: number[] = [];
  let doneLines = 0;
  let maxSeq = 0;
  let wholeBytes = 0;
  let readBytes = 0;
  for (const [index, line] of lines.entries()) {
    readBytes += Buffer.byteLength(line) + 1;
    const read = line === '' ? null : readLine(line);
    if (!read) {
      bad.push(index + 1);
      continue;
    }
    wholeBytes = readBytes;
    if ('done' in read) {
      doneLines += 1;
      done.add(read.done);
      entries.delete(read.done);
      maxSeq = Math.max(maxSeq, read.done);
    } else if (!done.has(read.entry.seq)) {
      entries.set(read.entry.seq, read.entry);
      maxSeq = Math.max(maxSeq, read.entry.seq);
    }
  }
  let tornTail = tail !== '';
  // An unreadable last line is an append cut off as well (its newline made it to the disk, not all before it).
  if (!tornTail && bad.length > 0 && bad[bad.length - 1] === lines.length) {
    bad.pop();
    tornTail = true;
  }
  return {
    entries: [...entries.values()].sort((a, b) => a.seq - b.seq),
    doneLines,
    maxSeq,
    wholeBytes,
    tornTail,
    badLines: bad,
  };
}

/** The held write with its part markers replaced by the bytes read from its side files. */
export function withParts(write: unknown, parts: readonly Uint8Array[]): HeldWrite {
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === PART) {
      const part = parts[record[PART] as number];
      if (!part) throw new Error(`spilled write names a missing part ${String(record[PART])}`);
      return part;
    }
    return Object.fromEntries(keys.map((key) => [key, fill(record[key])]));
  };
  return fill(write) as HeldWrite;
}
