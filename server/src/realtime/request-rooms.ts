// Who hears of footage-request changes: staff every request, police only their own station's.
import type { FootageRequestChange, SessionUser } from '../schemas';

const STAFF_ROOM = 'footage-requests:staff';
const stationRoom = (station: string) => `footage-requests:station:${station}`;

/** The rooms a signed-in user's socket joins for request changes (none for roles that have no part in them). */
export function requestRoomsFor(user: Pick<SessionUser, 'role' | 'station'>): string[] {
  if (user.role === 'admin' || user.role === 'operator') return [STAFF_ROOM];
  if (user.role === 'police' && user.station) return [stationRoom(user.station)];
  return [];
}

/** The rooms a change goes to. */
export const requestRoomsOf = (change: FootageRequestChange): string[] => [STAFF_ROOM, stationRoom(change.station)];
