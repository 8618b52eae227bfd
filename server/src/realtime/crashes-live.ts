// Who hears that the live crash layer changed (the roles that may read it), and the announcement through Redis.
import { CRASHES_LIVE_ROLES } from '../plugins/types';
import type { CrashesChangedMessage, SessionUser } from '../schemas';
import type { Announcer } from './channels';

export const CRASHES_LIVE_ROOM = 'crashes:live';

/** The rooms a signed-in user's socket joins for the layer's changes (none for roles that may not read it). */
export const crashesLiveRoomsFor = (user: Pick<SessionUser, 'role'>): string[] =>
  CRASHES_LIVE_ROLES.includes(user.role) ? [CRASHES_LIVE_ROOM] : [];

/** Published after the rows are durable; every server relays it to its sockets in the room. */
export async function publishCrashesChanged(out: Announcer, message: CrashesChangedMessage): Promise<void> {
  await out.redis.publish(out.channels.crashesChanged, JSON.stringify(message));
}
