// How far an upload has got: the percent sent and the megabytes, as the progress bar shows them.

const MB = 1024 * 1024;

export interface UploadProgress {
  /** Whole percent sent, 0–100. */
  percent: number;
  sentMb: number;
  totalMb: number;
}

/** One decimal below 100 MB (0.4 MB of a small table still moves), whole megabytes above. */
export function megabytes(bytes: number): number {
  const mb = Math.max(0, Number(bytes) || 0) / MB;
  return mb < 100 ? Math.round(mb * 10) / 10 : Math.round(mb);
}

/** `total` is the file's size when the browser cannot tell the body's length. */
export function uploadProgress(loaded: number, total: number): UploadProgress {
  const sent = Math.max(0, Math.min(loaded, total));
  // Floored, so 100 % means every byte has left, not 99.6 % of them.
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
  return { percent, sentMb: megabytes(sent), totalMb: megabytes(total) };
}
