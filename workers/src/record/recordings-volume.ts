// Whether the configured recordings volume is there and writable: never a silent fallback to another disk.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';

/** Null when recordings can be written to `dir`; otherwise why not, for the camera's health and the alarm. */
export async function recordingsVolumeProblem(dir: string | null): Promise<string | null> {
  if (!dir) return 'RECORDINGS_DIR is not set: recording is off';
  try {
    if (!(await stat(dir)).isDirectory()) return `recordings volume ${dir} is not a directory`;
  } catch {
    return `recordings volume ${dir} is missing (not mounted?)`;
  }
  try {
    await access(path.join(dir, RECORDINGS_MARKER));
  } catch {
    // An empty mount point looks like a directory too: the marker tells the prepared volume from it.
    return `recordings volume ${dir} has no ${RECORDINGS_MARKER} marker (not mounted, or not prepared)`;
  }
  try {
    await access(dir, constants.W_OK);
  } catch {
    return `recordings volume ${dir} is not writable`;
  }
  return null;
}
