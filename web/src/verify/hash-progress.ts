// How far the check of a package has got: bytes hashed of all the files the manifest lists, and files finished.

export interface PlannedFile {
  path: string;
  bytes: number;
}

export interface HashProgress {
  /** The file being hashed, or null before the first. */
  file: string | null;
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  /** 0…1 by bytes. */
  fraction: number;
}

/** `done` holds the bytes hashed so far per path; a file counts as finished once all its bytes are. */
export function hashProgress(
  plan: readonly PlannedFile[],
  done: ReadonlyMap<string, number>,
  file: string | null,
): HashProgress {
  let bytesDone = 0;
  let bytesTotal = 0;
  let filesDone = 0;
  for (const planned of plan) {
    const size = Math.max(0, planned.bytes);
    const hashed = done.get(planned.path);
    bytesTotal += size;
    bytesDone += Math.min(size, hashed ?? 0);
    if (hashed !== undefined && hashed >= size) filesDone += 1;
  }
  const fraction =
    bytesTotal > 0
      ? Math.min(1, bytesDone / bytesTotal)
      : plan.length > 0 && filesDone === plan.length
        ? 1
        : 0;
  return { file, bytesDone, bytesTotal, filesDone, filesTotal: plan.length, fraction };
}
