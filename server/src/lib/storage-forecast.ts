// Forecasts for the recordings volume: hours until it is full at the current write rate, and how many days of footage
// each camera will keep once oldest-first deletion shares the space out.

export interface SpaceFigures {
  quotaBytes: number;
  usedBytes: number;
  freeBytes: number;
  freeFloorBytes: number;
}

/** Bytes that may still be written before the quota or the free-space floor is reached (negative: already past). */
export const headroomBytes = (s: SpaceFigures): number =>
  Math.min(s.quotaBytes - s.usedBytes, s.freeBytes - s.freeFloorBytes);

/** Hours until the quota or the floor is reached if nothing were deleted; null when nothing is being written. */
export function hoursLeft(s: SpaceFigures, writeBytesPerHour: number): number | null {
  if (!(writeBytesPerHour > 0)) return null;
  return Math.max(0, headroomBytes(s)) / writeBytesPerHour;
}

/** The most footage the volume can hold: the quota, or less when the disk itself is smaller. */
export const capacityBytes = (s: SpaceFigures): number =>
  Math.max(0, Math.min(s.quotaBytes, s.usedBytes + s.freeBytes - s.freeFloorBytes));

export interface CameraRate {
  bytesPerDay: number;
  maxDays: number;
}

/**
 * Days of footage each camera keeps. Deleting the oldest footage first across all cameras leaves every camera the
 * same span D, except that none keeps more than its max days; D is the span that fills the capacity (water filling).
 * A camera writing nothing keeps what it has until its max days.
 */
export function daysForecast(capacity: number, cameras: readonly CameraRate[]): number[] {
  const order = cameras.map((_, i) => i).sort((a, b) => cameras[a]!.maxDays - cameras[b]!.maxDays);
  let remaining = Math.max(0, capacity);
  let rate = cameras.reduce((sum, c) => sum + Math.max(0, c.bytesPerDay), 0);
  const days = cameras.map((c) => c.maxDays);
  for (const i of order) {
    const camera = cameras[i]!;
    if (!(camera.bytesPerDay > 0)) continue;
    const span = remaining / rate;
    if (span >= camera.maxDays) {
      // This camera is capped: the space it leaves goes to the others.
      remaining -= camera.maxDays * camera.bytesPerDay;
      rate -= camera.bytesPerDay;
      continue;
    }
    for (const j of order)
      if (cameras[j]!.bytesPerDay > 0 && cameras[j]!.maxDays > span) days[j] = Math.min(days[j]!, span);
    break;
  }
  return days;
}
