// Snapshot files on disk: atomic writes under a Bangkok-date folder, and safe resolution of stored paths.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface SnapshotToSave {
  eventId: number;
  /** Short kind of image, e.g. 'scene' or 'best'; becomes part of the file name. */
  name: string;
  jpeg: Uint8Array;
  /** Picks the date folder (Asia/Bangkok); now by default. */
  at?: Date;
}

export interface SavedSnapshot {
  /** Relative to the snapshot directory, always with '/', e.g. 2026/11/22/42-scene.jpg */
  path: string;
  sha256: string;
  bytes: number;
}

/** Thrown for a stored path that would escape the snapshot directory (an HTTP layer maps it to 400). */
export class SnapshotPathError extends Error {
  override readonly name = 'SnapshotPathError';
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const bangkokDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY/MM/DD/<eventId>-<name>.jpg`, the date being the Bangkok calendar day (Gregorian year). */
export function snapshotRelativePath(eventId: number, name: string, at: Date = new Date()): string {
  if (!Number.isSafeInteger(eventId) || eventId < 1) throw new RangeError(`Invalid event id ${eventId}`);
  // Names end up in file names: a strict pattern rules out separators, dots and traversal at the source.
  if (!NAME.test(name)) throw new RangeError(`Invalid snapshot name ${JSON.stringify(name)}`);
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid snapshot date');
  const parts = Object.fromEntries(bangkokDate.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}/${parts.month}/${parts.day}/${eventId}-${name}.jpg`;
}

/**
 * Absolute path of a stored snapshot. Throws SnapshotPathError for anything that is absolute, contains
 * '..', backslashes or NUL, or would otherwise resolve outside `dir` (the relative path may come from a request).
 */
export function resolveSnapshotPath(dir: string, relative: string): string {
  if (typeof relative !== 'string' || relative.trim() === '')
    throw new SnapshotPathError('Empty snapshot path');
  if (relative.includes('\0') || relative.includes('\\')) {
    throw new SnapshotPathError('Snapshot path contains forbidden characters');
  }
  if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
    throw new SnapshotPathError('Snapshot path must be relative');
  }
  if (relative.split('/').includes('..')) throw new SnapshotPathError('Snapshot path must not contain ..');
  const root = path.resolve(dir);
  const full = path.resolve(root, relative);
  const inside = path.relative(root, full);
  // Belt and braces after the checks above: the resolved path must be strictly below the root.
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new SnapshotPathError('Snapshot path is outside the snapshot directory');
  }
  return full;
}

const isJpeg = (data: Uint8Array) =>
  data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;

/**
 * Writes the JPEG to a temporary file in the target folder, flushes it and renames it into place, so
 * readers never see a partial image; saving the same event and name again replaces the file.
 */
export async function saveSnapshot(dir: string, snapshot: SnapshotToSave): Promise<SavedSnapshot> {
  if (!isJpeg(snapshot.jpeg)) throw new Error('Snapshot data is not a JPEG');
  const relative = snapshotRelativePath(snapshot.eventId, snapshot.name, snapshot.at);
  const target = resolveSnapshotPath(dir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(snapshot.jpeg);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return {
    path: relative,
    sha256: createHash('sha256').update(snapshot.jpeg).digest('hex'),
    bytes: snapshot.jpeg.byteLength,
  };
}
