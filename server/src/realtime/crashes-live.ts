// Who hears that the live crash layer changed (the roles that may read it), and the announcement through Redis.
import type { Redis } from 'ioredis';
import { CRASHES_LIVE_ROLES } from '../plugins/types';
import { CHANNELS, type CrashesChangedMessage, type SessionUser } from '../schemas';

export const CRASHES_LIVE_ROOM = 'crashes:live';

/** The rooms a signed-in user's socket joins for the layer's changes (none for roles that may not read it). */
export const crashesLiveRoomsFor = (user: Pick<SessionUser, 'role'>): string[] =>
  CRASHES_LIVE_ROLES.includes(user.role) ? [CRASHES_LIVE_ROOM] : [];

/** Published after the rows are durable; every server relays it to its sockets in the room. */
export async function publishCrashesChanged(redis: Redis, message: CrashesChangedMessage): Promise<void> {
  await redis.publish(CHANNELS.crashesChanged, JSON.stringify(message));
}
