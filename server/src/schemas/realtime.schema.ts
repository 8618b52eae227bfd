// Socket.io contract: handshake, client requests and server pushes, typed for both ends.
import { Type, type Static } from 'typebox';
import { CameraStatusMessage } from './camera.schema';
import { Id, IsoDateTime } from './common.schema';
import { Event, EventType } from './event.schema';
import type { BusDelta, BusesWatchRequest } from './gps.schema';
import type { StopArrivalsMessage, StopsWatchRequest } from './transit.schema';
import type { FootageRequestChange } from './footage-request.schema';
import type { CrashesChangedMessage } from './crashes-live.schema';

/** `io(url, { auth })`: the session token and the last event seq the client saw. */
export const SocketAuth = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 512 })),
  lastSeq: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
});
export type SocketAuth = Static<typeof SocketAuth>;

export const SubscribeRequest = Type.Object(
  { types: Type.Array(EventType, { minItems: 1, maxItems: 32 }) },
  { additionalProperties: false },
);
export type SubscribeRequest = Static<typeof SubscribeRequest>;

export const ResumeRequest = Type.Object(
  { lastSeq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) },
  { additionalProperties: false },
);
export type ResumeRequest = Static<typeof ResumeRequest>;

/** Which cameras this socket wants live frames from; each request replaces the last ([] stops them all). */
export const FramesWatchRequest = Type.Object(
  {
    cameraIds: Type.Array(Id(), { maxItems: 16, uniqueItems: true }),
    maxFps: Type.Optional(Type.Number({ minimum: 0.2, maximum: 5, description: 'Frames per second per camera (default 2)' })),
    maxWidth: Type.Optional(Type.Integer({ minimum: 160, maximum: 1280, description: 'Widest picture wanted (default 640)' })),
  },
  { additionalProperties: false },
);
export type FramesWatchRequest = Static<typeof FramesWatchRequest>;

/** A box on a live frame, in fractions of the picture (0..1), so the browser draws it at any size. */
export const FrameBox = Type.Object({
  x: Type.Number(),
  y: Type.Number(),
  w: Type.Number(),
  h: Type.Number(),
  label: Type.String(),
  score: Type.Number(),
  trackId: Type.Union([Type.Integer(), Type.Null()]),
});
export type FrameBox = Static<typeof FrameBox>;

/** Metadata sent with each live JPEG; the JPEG bytes travel as a separate binary argument. */
export const LiveFrameMeta = Type.Object({
  cameraId: Type.Integer(),
  at: IsoDateTime,
  width: Type.Integer(),
  height: Type.Integer(),
  boxes: Type.Array(FrameBox),
});
export type LiveFrameMeta = Static<typeof LiveFrameMeta>;

/** Switches the socket's feed of live tracked objects (ground positions from calibrated cameras) on or off. */
export const ObjectsWatchRequest = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type ObjectsWatchRequest = Static<typeof ObjectsWatchRequest>;

/** One tracked object on the ground, as the map draws it. */
export const TrackedObject = Type.Object({
  id: Type.String({ description: 'Stable per camera and track: `<cameraId>:<trackId>`' }),
  label: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  speedKmh: Type.Union([Type.Number(), Type.Null()]),
  headingDeg: Type.Union([Type.Number(), Type.Null()]),
});
export type TrackedObject = Static<typeof TrackedObject>;

/** The objects one camera tracks now (about once a second); an object missing from the next message is gone. */
export const TrackedObjectsMessage = Type.Object({
  cameraId: Type.Integer(),
  at: IsoDateTime,
  objects: Type.Array(TrackedObject),
});
export type TrackedObjectsMessage = Static<typeof TrackedObjectsMessage>;

/**
 * The server's Redis subscription came back after a gap: the events of the gap were relayed from PostGIS, but the
 * other messages of the gap (camera status, footage requests, crash layer) were not. Clients read that state again.
 */
export const ResyncMessage = Type.Object({
  reason: Type.Literal('relay-reconnected'),
  /** How long the subscription was away. */
  awayMs: Type.Integer({ minimum: 0 }),
});
export type ResyncMessage = Static<typeof ResyncMessage>;

export const Ack = Type.Object({ ok: Type.Boolean(), error: Type.Optional(Type.String()), count: Type.Optional(Type.Integer()) });
export type Ack = Static<typeof Ack>;

export interface ServerToClientEvents {
  event: (event: Event) => void;
  'camera.status': (status: CameraStatusMessage) => void;
  'camera.frame': (meta: LiveFrameMeta, jpeg: ArrayBuffer) => void;
  objects: (message: TrackedObjectsMessage) => void;
  'buses.delta': (delta: BusDelta) => void;
  'stop.arrivals': (message: StopArrivalsMessage) => void;
  /** To staff, and to the police of the request's station. */
  'footage.request': (change: FootageRequestChange) => void;
  /** To the roles that read the live crash layer (CRASHES_LIVE_ROLES): read GET /api/crashes/last-24h again. */
  'crashes.changed': (message: CrashesChangedMessage) => void;
  /** To every socket of this server after its Redis subscription came back (see ResyncMessage). */
  'realtime.resync': (message: ResyncMessage) => void;
}
export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (reply: Ack) => void) => void;
  resume: (request: ResumeRequest, ack: (reply: Ack) => void) => void;
  'frames.watch': (request: FramesWatchRequest, ack: (reply: Ack) => void) => void;
  'objects.watch': (request: ObjectsWatchRequest, ack: (reply: Ack) => void) => void;
  /** On enable the server first sends one `buses.delta` holding every bus, then changes. */
  'buses.watch': (request: BusesWatchRequest, ack: (reply: Ack) => void) => void;
  'stops.watch': (request: StopsWatchRequest, ack: (reply: Ack) => void) => void;
}
