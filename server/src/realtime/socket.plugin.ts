// socket.io on the fastify server: authenticated connections (a cookie only from an allowed Origin) that end with
// their session, rooms per event type, replay of missed events, the relay of Redis announcements to the rooms, and
// live frames and tracked objects for those who ask.
import { requestRoomsFor, requestRoomsOf } from './request-rooms';
import { CRASHES_LIVE_ROOM, crashesLiveRoomsFor } from './crashes-live';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { Compile } from 'typebox/compile';
import { hashToken, userForToken } from '../services/auth.service';
import { cookieHandshakeAllowed } from '../lib/csrf';
import { SESSION_COOKIE } from '../plugins/auth.plugin';
import { ALL_ROLES, LIVE_VIDEO_ROLES } from '../plugins/types';
import {
  EVENT_TYPES,
  FramesWatchRequest,
  ObjectsWatchRequest,
  ResumeRequest,
  SocketAuth,
  SubscribeRequest,
  type ClientToServerEvents,
  type Event,
  type ServerToClientEvents,
} from '../schemas';
import { auditLiveViews } from '../services/footage-audit.service';
import { FrameRelays } from './frame-relay';
import { socketClientInfo } from './socket-client-info';
import {
  bindMessage,
  defineMessage,
  type SocketData,
  type SocketErrorLog,
  type TocSocket,
} from './socket-handlers';
import { startBusRelay } from './bus-relay';
import { startSessionGuard } from './session-guard';
import { forEachEventAfter } from './event-pages';
import { startRelayCatchUp, type RelayCatchUp } from './relay-catch-up';
import { duplicateConnection } from '../lib/redis-duplicate';

const checkAuth = Compile(SocketAuth);
const eventRoom = (type: string) => `events:${type}`;
const CAMERA_ROOM = 'cameras';
const OBJECTS_ROOM = 'objects';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
    /** The relay's catch-up after a Redis reconnect (tests wait on it). */
    realtimeCatchUp: RelayCatchUp;
  }
}

export default fp(async (app) => {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    app.server,
    {
      serveClient: false,
      cors: { origin: false },
    },
  );
  app.decorate('io', io);

  /** Sends the changes after `lastSeq` for the types this socket follows, oldest first. */
  const replay = (socket: TocSocket, lastSeq: number) =>
    forEachEventAfter(
      app.db,
      { afterSeq: lastSeq, types: [...socket.data.types] as Event['type'][] },
      (event) => socket.emit('event', event),
    );

  io.use(async (socket, next) => {
    const auth = socket.handshake.auth ?? {};
    if (!checkAuth.Check(auth)) return next(new Error('invalid handshake auth'));
    const { headers } = socket.handshake;
    const token = auth.token ?? app.parseCookie(headers.cookie ?? '')[SESSION_COOKIE];
    // The browser attaches the cookie to a handshake from any page (cross-site WebSocket hijacking): a cookie counts
    // only from our own page (Origin, or for polling Fetch metadata or the CSRF header). A token in `auth` is not
    // ambient, so it needs no Origin.
    if (auth.token === undefined && token && !cookieHandshakeAllowed(headers, app.config.allowedOrigins)) {
      return next(new Error('forbidden origin'));
    }
    const user = token ? await userForToken(app.db, token, app.now()).catch(() => null) : null;
    if (!user) return next(new Error('unauthorized'));
    if (!ALL_ROLES.includes(user.role)) return next(new Error('forbidden'));
    // Like every API route but the password change itself: a temporary password gets no live data.
    if (user.mustChangePassword) return next(new Error('password change required'));
    socket.data.user = user;
    socket.data.tokenHash = hashToken(token!).toString('hex');
    socket.data.types = new Set(EVENT_TYPES);
    next();
  });

  const subscribe = defineMessage({
    name: 'subscribe',
    roles: ALL_ROLES,
    schema: SubscribeRequest,
    async handle(socket, body) {
      for (const type of socket.data.types) await socket.leave(eventRoom(type));
      socket.data.types = new Set(body.types);
      for (const type of body.types) await socket.join(eventRoom(type));
      return { ok: true };
    },
  });
  const resume = defineMessage({
    name: 'resume',
    roles: ALL_ROLES,
    schema: ResumeRequest,
    async handle(socket, body) {
      return { ok: true, count: await replay(socket, body.lastSeq) };
    },
  });

  const frames = new FrameRelays({
    redis: app.redis,
    queuePrefix: app.config.queuePrefix,
    log: (message, detail) => app.log.warn(detail, message),
  });
  const watchFrames = defineMessage({
    name: 'frames.watch',
    roles: LIVE_VIDEO_ROLES,
    schema: FramesWatchRequest,
    async handle(socket, body) {
      // One audit row per camera this socket starts watching, written before any frame flows: no row, no video.
      const watched = frames.watchedBy(socket.id);
      const started = [...new Set(body.cameraIds)].filter((id) => !watched.has(id));
      await auditLiveViews(app.db, { user: socket.data.user, ...socketClientInfo(socket) }, started, {
        socketId: socket.id,
      });
      // Gone while the row was written: its disconnect already ran, a watch now would never be dropped.
      if (socket.disconnected) return { ok: false, error: 'disconnected / การเชื่อมต่อสิ้นสุดแล้ว' };
      frames.watch(socket, body);
      return { ok: true };
    },
  });
  const watchObjects = defineMessage({
    name: 'objects.watch',
    roles: ALL_ROLES,
    schema: ObjectsWatchRequest,
    async handle(socket, body) {
      if (body.enabled) await socket.join(OBJECTS_ROOM);
      else await socket.leave(OBJECTS_ROOM);
      return { ok: true };
    },
  });

  const buses = await startBusRelay({
    io,
    redis: app.redis,
    queuePrefix: app.config.queuePrefix,
    log: (message, detail) => app.log.warn(detail, message),
  });
  const sessions = await startSessionGuard({
    io,
    db: app.db,
    redis: app.redis,
    channels: app.channels,
    now: app.now,
    checkEveryMs: app.config.socketSessionCheckSeconds * 1000,
    log: (message, detail) => app.log.warn(detail, message),
  });

  const logMessageError: SocketErrorLog = (err, message) =>
    app.log.error({ err, message }, 'socket message failed');

  io.on('connection', async (socket) => {
    sessions.bind(socket);
    buses.bind(socket);
    bindMessage(socket, subscribe, logMessageError);
    bindMessage(socket, resume, logMessageError);
    bindMessage(socket, watchFrames, logMessageError);
    bindMessage(socket, watchObjects, logMessageError);
    socket.on('disconnect', () => frames.unwatch(socket.id));
    // Join before replaying so nothing published in between is lost; the client merges duplicates by id.
    await socket.join([
      CAMERA_ROOM,
      ...[...socket.data.types].map(eventRoom),
      ...requestRoomsFor(socket.data.user),
      ...crashesLiveRoomsFor(socket.data.user),
    ]);
    const { lastSeq } = socket.handshake.auth as SocketAuth;
    if (lastSeq !== undefined)
      await replay(socket, lastSeq).catch((err) => app.log.warn({ err }, 'replay failed'));
  });

  const subscriber = duplicateConnection(app.redis);
  const names = app.channels;
  const channels = [
    names.events,
    names.cameraStatus,
    names.objects,
    names.footageRequests,
    names.crashesChanged,
  ];
  const relayEvent = (event: Event) => io.to(eventRoom(event.type)).emit('event', event);
  const catchUp = await startRelayCatchUp({
    db: app.db,
    subscriber,
    channels,
    relay: relayEvent,
    // This server's sockets only: every server catches up on its own subscription.
    resync: (awayMs) => io.local.emit('realtime.resync', { reason: 'relay-reconnected', awayMs }),
    log: (message, detail) => app.log.warn(detail, message),
  });
  app.decorate('realtimeCatchUp', catchUp);
  await subscriber.subscribe(...channels);
  subscriber.on('message', (channel, message) => {
    try {
      const body = JSON.parse(message);
      if (channel === names.events) {
        relayEvent(body);
        catchUp.relayed(body);
      } else if (channel === names.objects) io.to(OBJECTS_ROOM).emit('objects', body);
      else if (channel === names.footageRequests) io.to(requestRoomsOf(body)).emit('footage.request', body);
      else if (channel === names.crashesChanged) io.to(CRASHES_LIVE_ROOM).emit('crashes.changed', body);
      else io.to(CAMERA_ROOM).emit('camera.status', body);
    } catch (err) {
      app.log.warn({ err, channel }, 'dropped malformed realtime message');
    }
  });

  app.addHook('onClose', async () => {
    frames.close();
    await sessions.close();
    await buses.close();
    catchUp.close();
    await subscriber.quit();
    await io.close();
  });
});
