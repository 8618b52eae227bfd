// Where a camera's footage lives under RECORDINGS_DIR: <camera>/<UTC date>/<UTC start>.mp4, and its working folders.
import path from 'node:path';

/** Relative path of an indexed segment, from its camera and wall-clock start (unique per camera and millisecond). */
export function segmentPath(cameraId: number, startMs: number): string {
  const iso = new Date(startMs).toISOString(); // 2026-12-05T07:21:33.456Z
  const day = iso.slice(0, 10);
  const stamp = iso.replace(/[-:]/g, '').replace('.', '-'); // 20261205T072133-456Z
  return path.posix.join(String(cameraId), day, `${stamp}.mp4`);
}

/** Segments being written by the camera's ffmpeg, and its list and run files; moved out once indexed. */
export const incomingDir = (root: string, cameraId: number) => path.join(root, String(cameraId), '.incoming');

/** Files that could not be read as footage: kept for inspection, never deleted by the recorder. */
export const quarantineDir = (root: string, cameraId: number) =>
  path.join(root, String(cameraId), '.quarantine');
