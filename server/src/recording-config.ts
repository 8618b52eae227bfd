// Recording and retention settings from the environment, read alike by the server (playback, cleaner) and the camera
// workers (recorder).
import path from 'node:path';

export interface RecordingConfig {
  /**
   * RECORDINGS_DIR: the recordings volume. Never created by the processes that record into it: `npm start` (or the
   * operator) prepares it with its marker file, so an unmounted volume is an error, not a silent write to another disk.
   */
  dir: string | null;
  segmentSeconds: number;
  /** Default keep-at-least and keep-at-most days for a camera with no settings of its own. */
  defaultMinDays: number;
  defaultMaxDays: number;
  /** Footage bytes the recordings may use in all, and the free space kept on the volume. */
  quotaBytes: number;
  freeFloorBytes: number;
  /** How often the cleaner runs. */
  cleanIntervalS: number;
  /** Storage-low alarm when the quota or floor is this many hours away at the current write rate. */
  lowStorageHours: number;
}

/** The file whose presence says a directory is the prepared recordings volume (and not an empty mount point). */
export const RECORDINGS_MARKER = '.toc-recordings';

const GIB = 1024 ** 3;
const number = (value: string | undefined, fallback: number): number =>
  value === undefined || value === '' ? fallback : Number(value);

export function loadRecordingConfig(env: NodeJS.ProcessEnv = process.env): RecordingConfig {
  const config: RecordingConfig = {
    dir: env.RECORDINGS_DIR ? path.resolve(env.RECORDINGS_DIR) : null,
    segmentSeconds: number(env.RECORDING_SEGMENT_S, 10),
    defaultMinDays: number(env.RECORDING_MIN_DAYS, 7),
    defaultMaxDays: number(env.RECORDING_MAX_DAYS, 30),
    quotaBytes: Math.round(number(env.RECORDINGS_QUOTA_GB, 500) * GIB),
    freeFloorBytes: Math.round(number(env.RECORDINGS_FREE_FLOOR_GB, 5) * GIB),
    cleanIntervalS: number(env.RECORDING_CLEAN_INTERVAL_S, 60),
    lowStorageHours: number(env.RECORDING_LOW_STORAGE_HOURS, 24),
  };
  const bad = Object.entries(config).filter(
    ([key, value]) =>
      typeof value === 'number' &&
      !(Number.isFinite(value) && (value > 0 || (key === 'defaultMinDays' && value === 0))),
  );
  if (bad.length)
    throw new Error(
      `Invalid recording configuration: ${bad.map(([key]) => key).join(', ')} must be a positive number`,
    );
  if (config.segmentSeconds < 2 || config.segmentSeconds > 60)
    throw new Error('Invalid recording configuration: RECORDING_SEGMENT_S must be 2–60');
  if (config.defaultMaxDays < config.defaultMinDays) {
    throw new Error(
      'Invalid recording configuration: RECORDING_MAX_DAYS must not be less than RECORDING_MIN_DAYS',
    );
  }
  return config;
}
