// Whether the recordings volume can be used (configured, present, a directory, carrying its marker file) and how much
// room it has. Only looks: nothing here ever creates the directory or the marker.
import { access, stat, statfs as fsStatfs } from 'node:fs/promises';
import { constants, type StatsFs } from 'node:fs';
import path from 'node:path';
import { RECORDINGS_MARKER } from '../recording-config';

export type VolumeProblem = 'not_configured' | 'missing' | 'not_directory' | 'unmarked' | 'not_writable';

export interface VolumeState {
  available: boolean;
  problem: VolumeProblem | null;
  reason: { en: string; th: string } | null;
}

/** Reads a file system's free space; `fs.statfs` unless a test gives another figure. */
export type StatFs = (dir: string) => Promise<Pick<StatsFs, 'bavail' | 'bsize'>>;
export const defaultStatfs: StatFs = (dir) => fsStatfs(dir);

// Reasons name no path: the same words go to operators, and the path is the admin's configuration.
const REASONS: Record<VolumeProblem, { en: string; th: string }> = {
  not_configured: {
    en: 'RECORDINGS_DIR is not set: nothing is recorded',
    th: 'ยังไม่ได้กำหนด RECORDINGS_DIR จึงไม่มีการบันทึกภาพ',
  },
  missing: {
    en: 'The recordings volume is missing (not mounted?)',
    th: 'ไม่พบพื้นที่จัดเก็บภาพบันทึก (อาจยังไม่ได้เชื่อมต่อดิสก์)',
  },
  not_directory: { en: 'The recordings volume is not a directory', th: 'ตำแหน่งจัดเก็บภาพบันทึกไม่ใช่โฟลเดอร์' },
  not_writable: { en: 'The recordings volume is not writable', th: 'พื้นที่จัดเก็บภาพบันทึกเขียนไม่ได้' },
  unmarked: {
    en: `The recordings volume has no ${RECORDINGS_MARKER} marker file (an empty mount point?)`,
    th: `ไม่พบไฟล์กำกับ ${RECORDINGS_MARKER} ในพื้นที่จัดเก็บภาพบันทึก (อาจเป็นจุดเชื่อมต่อดิสก์ที่ว่างเปล่า)`,
  },
};

const problem = (code: VolumeProblem): VolumeState => ({
  available: false,
  problem: code,
  reason: REASONS[code],
});

export async function recordingsVolumeState(dir: string | null): Promise<VolumeState> {
  if (!dir) return problem('not_configured');
  const stats = await stat(dir).catch(() => null);
  if (!stats) return problem('missing');
  if (!stats.isDirectory()) return problem('not_directory');
  // An unmounted volume leaves an empty mount point behind: writing there would fill another disk.
  const marked = await access(path.join(dir, RECORDINGS_MARKER)).then(
    () => true,
    () => false,
  );
  if (!marked) return problem('unmarked');
  const writable = await access(dir, constants.W_OK).then(
    () => true,
    () => false,
  );
  return writable ? { available: true, problem: null, reason: null } : problem('not_writable');
}

/** Bytes an unprivileged process may still write on the volume. */
export async function volumeFreeBytes(statfs: StatFs, dir: string): Promise<number> {
  const { bavail, bsize } = await statfs(dir);
  return Number(bavail) * Number(bsize);
}
