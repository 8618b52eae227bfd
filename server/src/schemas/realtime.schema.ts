// Socket.io contract: handshake, client requests and server pushes, typed for both ends.
import { Type, type Static } from 'typebox';
import { CameraStatusMessage } from './camera.schema';
import { Event, EventType } from './event.schema';

/** `io(url, { auth })`: the session token and the last event seq the client saw. */
export const SocketAuth = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 512 })),
  lastSeq: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type SocketAuth = Static<typeof SocketAuth>;

export const SubscribeRequest = Type.Object(
  { types: Type.Array(EventType, { minItems: 1, maxItems: 32 }) },
  { additionalProperties: false },
);
export type SubscribeRequest = Static<typeof SubscribeRequest>;

export const ResumeRequest = Type.Object(
  { lastSeq: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type ResumeRequest = Static<typeof ResumeRequest>;

export const Ack = Type.Object({ ok: Type.Boolean(), error: Type.Optional(Type.String()), count: Type.Optional(Type.Integer()) });
export type Ack = Static<typeof Ack>;

/** Redis channel names used between workers/server and the socket relay. */
export const CHANNELS = { events: 'toc:events', cameraStatus: 'toc:camera-status' } as const;

export interface ServerToClientEvents {
  event: (event: Event) => void;
  'camera.status': (status: CameraStatusMessage) => void;
}
export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (reply: Ack) => void) => void;
  resume: (request: ResumeRequest, ack: (reply: Ack) => void) => void;
}
