// The public socket.io namespace `/public` (no login, for bus-stop signs): only `stop.watch`, only `stop.arrivals` back.
import { Type, type Static } from 'typebox';
import { Id } from './common.schema';
import type { Ack } from './realtime.schema';
import type { StopArrivalsMessage } from './transit.schema';

export const PUBLIC_NAMESPACE = '/public';
/** Stops one public socket may follow at once (a sign shows one stop, maybe a few). */
export const PUBLIC_MAX_STOPS = 4;

/** Adds one stop to this socket's watch list (up to PUBLIC_MAX_STOPS); the current arrivals come back at once. */
export const StopWatchRequest = Type.Object(
  { feedId: Id(), stopId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type StopWatchRequest = Static<typeof StopWatchRequest>;

export interface PublicServerToClientEvents {
  'stop.arrivals': (message: StopArrivalsMessage) => void;
}
export interface PublicClientToServerEvents {
  'stop.watch': (request: StopWatchRequest, ack: (reply: Ack) => void) => void;
}
