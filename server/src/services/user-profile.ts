// The rules of a user's profile: police belong to a station, operators may be given districts, nobody else has either.
import { HttpError } from '../lib/http-error';
import type { Role } from '../schemas';
import type { UserProfile } from '../repositories/users.repository';

export interface ProfileChange {
  displayName?: string;
  role?: Role;
  station?: string | null;
  districts?: string[] | null;
}

const refuse = (message: string, messageTh: string) => new HttpError(400, message, messageTh);

/**
 * The profile after a change (`current` null for a new user, whose change then names the role and display name).
 * A role change drops what the old role had and the new one has not (a former officer keeps no station); naming it
 * for the wrong role is refused, so a mistake in the form is seen rather than silently dropped.
 */
export function mergeProfile(current: UserProfile | null, change: ProfileChange): UserProfile {
  const role = change.role ?? current?.role;
  const displayName = (change.displayName ?? current?.displayName)?.trim();
  if (!role || !displayName) throw refuse('A user needs a role and a display name', 'ผู้ใช้ต้องมีบทบาทและชื่อที่แสดง');

  const station =
    change.station !== undefined
      ? change.station?.trim() || null
      : role === 'police'
        ? (current?.station ?? null)
        : null;
  if (station !== null && role !== 'police') {
    throw refuse('Only police users have a station', 'ระบุสถานีตำรวจได้เฉพาะผู้ใช้บทบาทตำรวจ');
  }
  if (station === null && role === 'police') {
    throw refuse('A police user needs their station', 'ผู้ใช้บทบาทตำรวจต้องระบุสถานีตำรวจที่สังกัด');
  }

  // An empty list is stored as "not limited": once districts narrow what operators see, [] must not mean "nothing".
  const given =
    change.districts !== undefined
      ? change.districts
      : role === 'operator'
        ? (current?.districts ?? null)
        : null;
  const districts = given && given.length > 0 ? [...new Set(given)].sort() : null;
  if (districts !== null && role !== 'operator') {
    throw refuse('Only operators can be given districts', 'กำหนดอำเภอที่รับผิดชอบได้เฉพาะผู้ใช้บทบาทเจ้าหน้าที่ศูนย์สั่งการ');
  }
  return { displayName, role, station, districts };
}

/** The fields that differ, old and new, for the audit log. */
export function profileChanges(
  before: UserProfile,
  after: UserProfile,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['displayName', 'role', 'station', 'districts'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
