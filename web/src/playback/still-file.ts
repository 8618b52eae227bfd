// Saving a recorded still: its file name (camera and Bangkok time, safe on every file system) and the download itself.

/** `camera-3_2031-03-13_14-05-09.250+07.jpg`: the frame's instant on the Bangkok clock, to the millisecond. */
export function stillFileName(cameraId: number, at: number): string {
  const bangkok = new Date(at + 7 * 3_600_000).toISOString(); // 2031-03-13T14:05:09.250Z, read as Bangkok time
  return `camera-${cameraId}_${bangkok.slice(0, 10)}_${bangkok.slice(11, 23).replaceAll(':', '-')}+07.jpg`;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser's download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
