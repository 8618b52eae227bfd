// Forecasts for the recordings volume: hours until footage that may not be deleted fills it at the current write rate,
// and how many days of footage each camera will keep once oldest-first deletion shares the space out.

export interface SpaceFigures {
  quotaBytes: number;
  usedBytes: number;
  freeBytes: number;
  freeFloorBytes: number;
}

/** Bytes that may still be written before the quota or the free-space floor is reached (negative: already past). */
export const headroomBytes = (s: SpaceFigures): number =>
  Math.min(s.quotaBytes - s.usedBytes, s.freeBytes - s.freeFloorBytes);

/** Footage retention may not delete: under an evidence hold, or younger than its camera's min days. */
export interface ProtectedFootage {
  /** Protected bytes now. */
  nowBytes: number;
  /**
   * Protected bytes once writing at the current rate has gone on longer than every min days: each camera's hourly
   * rate × 24 × its min days, plus the held footage. Older footage stops being protected as fast as new comes in.
   */
  steadyBytes: number;
}

/**
 * Hours until the footage retention must keep fills the capacity, at the current write rate; then cameras stop
 * recording. Null when that never happens at this rate (protected footage levels off below the capacity) or nothing
 * is written. Not "until the disk is full": a full quota is the normal state, the cleaner deletes the oldest to make room.
 */
export function hoursLeft(
  s: SpaceFigures,
  footage: ProtectedFootage,
  writeBytesPerHour: number,
): number | null {
  if (!(writeBytesPerHour > 0)) return null;
  const capacity = capacityBytes(s);
  if (footage.steadyBytes <= capacity) return null;
  return Math.max(0, capacity - footage.nowBytes) / writeBytesPerHour;
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
