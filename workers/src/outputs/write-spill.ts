// A camera's held writes on disk, write-ahead: each is appended and fsynced before the journal lets the camera go on,
// marked done when it leaves the journal, and the spill removed once nothing is held. It lives on storage every worker
// reads (HELD_WRITES_DIR), so the worker that takes the camera next replays what a killed or stopped one left.
import { mkdir, open, readFile, rename, rm, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { HeldWrite } from './held-write';
import { encodeDone, encodeEntry, parseSpill, withParts, type SpilledEntry } from './spill-lines';
import type { JournalLog, JournalSpill } from './write-journal';

export interface WriteSpillOptions {
  /** HELD_WRITES_DIR: one folder per camera below it. */
  root: string;
  cameraId: number;
  /** Done lines that make the file be rewritten without them (the journal's bound: an outage past it drops writes). */
  compactAfter: number;
  log: JournalLog;
}

/** A held write read back from a spill, with its spill id and when it was held. */
export interface SpilledWrite {
  id: number;
  at: number;
  write: HeldWrite;
}

const SPILL_FILE = 'held.jsonl';
export const spillDirOf = (root: string, cameraId: number): string => path.join(root, `camera-${cameraId}`);
const partFile = (dir: string, seq: number, index: number) => path.join(dir, `${seq}-${index}.bin`);

/** Directory entries (a new file, a rename) reach the disk only with their directory. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeSynced(file: string, data: Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class WriteSpill implements JournalSpill<HeldWrite> {
  readonly dir: string;
  private queue: Promise<void> = Promise.resolve();
  private nextSeq = 1;
  private file: FileHandle | null = null;
  private size = 0;
  /** Spilled writes still held, and how many side files each has. */
  private readonly onDisk = new Map<number, number>();
  private doneLines = 0;
  private closed = false;
  /** An append failed and could not be cut back: the file is left alone, writes are held in memory only. */
  private broken = false;

  constructor(private readonly options: WriteSpillOptions) {
    this.dir = spillDirOf(options.root, options.cameraId);
  }

  /** Held writes that are on disk. */
  get spilled(): number {
    return this.onDisk.size;
  }

  /**
   * What a previous owner of the camera left, oldest first; from then on the spill is this owner's. A torn last line
   * is skipped (and cut off); a file with an unreadable line before its last is set aside whole (`.bad`), not replayed.
   */
  async recover(): Promise<SpilledWrite[]> {
    try {
      return await this.readLeftovers();
    } catch (error) {
      // Left as it is for an operator to look at; this owner holds its writes in memory only.
      this.broken = true;
      this.options.log('error', 'held writes spill not replayed: writes are held in memory only', {
        cameraId: this.options.cameraId,
        spill: this.dir,
        error: (error as Error).message,
      });
      return [];
    }
  }

  private async readLeftovers(): Promise<SpilledWrite[]> {
    const detail = { cameraId: this.options.cameraId, spill: this.dir };
    let text: string;
    try {
      text = await readFile(path.join(this.dir, SPILL_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Side files of a write whose line never made it, or nothing at all.
      await rm(this.dir, { recursive: true, force: true });
      return [];
    }
    const parsed = parseSpill(text);
    if (parsed.badLines.length > 0) {
      const keptAt = await this.setAside();
      this.options.log('error', 'held writes spill has unreadable lines: set aside, not replayed', {
        ...detail,
        lines: parsed.badLines.slice(0, 10),
        keptAt,
      });
      return [];
    }
    if (parsed.tornTail) {
      this.options.log(
        'warn',
        'held writes spill: its last line was cut off (a process killed while writing it) and is skipped',
        detail,
      );
      await truncate(path.join(this.dir, SPILL_FILE), parsed.wholeBytes);
    }
    this.nextSeq = parsed.maxSeq + 1;
    this.doneLines = parsed.doneLines;
    const recovered: SpilledWrite[] = [];
    const unreadable: number[] = [];
    for (const entry of parsed.entries) {
      const write = await this.readBack(entry).catch((error: Error) => {
        this.options.log('error', 'a spilled held write could not be read back: skipped', {
          ...detail,
          seq: entry.seq,
          error: error.message,
        });
        return null;
      });
      if (write) {
        recovered.push({ id: entry.seq, at: entry.at, write });
        this.onDisk.set(entry.seq, entry.parts);
      } else unreadable.push(entry.seq);
    }
    if (recovered.length === 0) {
      await rm(this.dir, { recursive: true, force: true });
      return [];
    }
    await this.openFile();
    for (const seq of unreadable) await this.appendLine(encodeDone(seq));
    return recovered;
  }

  add(write: HeldWrite): { id: number; stored: Promise<void> } {
    const id = this.nextSeq++;
    return {
      id,
      stored: this.enqueue('held write not saved to disk: kept in memory only', () => this.append(id, write)),
    };
  }

  remove(id: number): void {
    void this.enqueue('held write not marked done in its spill', () => this.markDone(id));
  }

  clear(): void {
    void this.enqueue('held writes spill not removed', () => this.removeAll());
  }

  close(): Promise<void> {
    return this.enqueue('held writes spill not closed', async () => {
      this.closed = true;
      await this.file?.close();
      this.file = null;
    });
  }

  /** One change at a time, in the order asked; a failure is logged, never thrown (the write stays held in memory). */
  private enqueue(failure: string, change: () => Promise<void>): Promise<void> {
    const next = this.queue.then(change).catch((error: Error) =>
      this.options.log('error', failure, {
        cameraId: this.options.cameraId,
        spill: this.dir,
        error: error.message,
      }),
    );
    this.queue = next;
    return next;
  }

  private async append(id: number, write: HeldWrite): Promise<void> {
    if (this.closed || this.broken) return;
    const { line, parts } = encodeEntry(id, Date.now(), write);
    await this.openFile();
    for (const [index, part] of parts.entries()) await writeSynced(partFile(this.dir, id, index), part);
    if (parts.length > 0) await syncDir(this.dir);
    await this.appendLine(line);
    await this.file!.sync();
    this.onDisk.set(id, parts.length);
  }

  private async markDone(id: number): Promise<void> {
    const parts = this.onDisk.get(id);
    if (parts === undefined || this.closed || this.broken) return;
    this.onDisk.delete(id);
    // Not synced: a killed process does not lose it; a host that loses power may, and that write is then written twice.
    await this.appendLine(encodeDone(id));
    this.doneLines += 1;
    for (let index = 0; index < parts; index++) await rm(partFile(this.dir, id, index), { force: true });
    if (this.doneLines > this.options.compactAfter) await this.compact();
  }

  private async removeAll(): Promise<void> {
    if (this.closed) return;
    await this.file?.close();
    this.file = null;
    this.size = 0;
    this.doneLines = 0;
    this.broken = false;
    this.onDisk.clear();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async openFile(): Promise<void> {
    if (this.file) return;
    await mkdir(this.dir, { recursive: true });
    this.file = await open(path.join(this.dir, SPILL_FILE), 'a');
    this.size = (await this.file.stat()).size;
    await syncDir(this.dir);
    await syncDir(path.dirname(this.dir));
  }

  /** A line whole or not at all: a failed append (disk full) is cut back, so no later line follows half a line. */
  private async appendLine(line: string): Promise<void> {
    const bytes = Buffer.from(`${line}\n`);
    try {
      await this.file!.write(bytes);
    } catch (error) {
      await this.file!.truncate(this.size).catch(() => (this.broken = true));
      throw error;
    }
    this.size += bytes.length;
  }

  /** Rewrites the file with the writes still held only (a long outage past the bound adds a done line per write). */
  private async compact(): Promise<void> {
    const filePath = path.join(this.dir, SPILL_FILE);
    const { entries } = parseSpill(await readFile(filePath, 'utf8'));
    const body = entries.map((entry) => `${entry.line}\n`).join('');
    const temp = `${filePath}.tmp`;
    await writeSynced(temp, Buffer.from(body));
    await this.file?.close();
    this.file = null;
    await rename(temp, filePath);
    await syncDir(this.dir);
    this.doneLines = 0;
    await this.openFile();
  }

  private async readBack(entry: SpilledEntry): Promise<HeldWrite> {
    const parts: Uint8Array[] = [];
    for (let index = 0; index < entry.parts; index++) {
      const bytes = await readFile(partFile(this.dir, entry.seq, index));
      parts.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    return withParts(entry.write, parts);
  }

  /** `camera-<id>.bad`, or with the time in its name when an earlier one is still there. */
  private async setAside(): Promise<string> {
    for (const target of [`${this.dir}.bad`, `${this.dir}.${Date.now()}.bad`]) {
      try {
        await rename(this.dir, target);
        return target;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`could not set the spill aside: ${this.dir}.bad exists`);
  }
}
