// What a crash alarm found at its scene: the vehicles left standing and the people on the road since the impact
// (the rules fold them into the crash's incident instead of raising alarms of their own).
import type { Event } from '@toc/server/schemas';

export interface CrashScene {
  stoppedVehicles: number;
  peopleOnRoad: number;
}

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

/** Null for events that carry no scene (other kinds, or a crash with nothing around it yet). */
export function crashScene(event: Pick<Event, 'payload'>): CrashScene | null {
  const stoppedVehicles = count(event.payload.stoppedVehicles);
  const peopleOnRoad = count(event.payload.peopleOnRoad);
  if (stoppedVehicles === null && peopleOnRoad === null) return null;
  return { stoppedVehicles: stoppedVehicles ?? 0, peopleOnRoad: peopleOnRoad ?? 0 };
}
