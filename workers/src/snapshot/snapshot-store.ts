// Snapshot files on disk: atomic writes under a Bangkok-date folder, and safe resolution of stored paths.
import { resolveInside, UnsafePathError, writeFileAtomic } from '@toc/server/lib/atomic-file';

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
export { UnsafePathError as SnapshotPathError };

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

/** Absolute path of a stored snapshot; the relative path may come from a request. */
export const resolveSnapshotPath = resolveInside;

const isJpeg = (data: Uint8Array) =>
  data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;

/** Stores the JPEG atomically (see writeFileAtomic); saving the same event and name again replaces the file. */
export async function saveSnapshot(dir: string, snapshot: SnapshotToSave): Promise<SavedSnapshot> {
  if (!isJpeg(snapshot.jpeg)) throw new Error('Snapshot data is not a JPEG');
  const relative = snapshotRelativePath(snapshot.eventId, snapshot.name, snapshot.at);
  const { sha256, bytes } = await writeFileAtomic(dir, relative, snapshot.jpeg);
  return { path: relative, sha256, bytes };
}
