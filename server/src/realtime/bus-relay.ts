// Buses and stop arrivals over socket.io: `buses.watch` and `stops.watch` for signed-in users, the public `/public`
// namespace for bus-stop signs, and the relay of the GPS worker's and transit engine's Redis channels to their rooms.
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { ALL_ROLES } from '../plugins/types';
import {
  BusesWatchRequest,
  PUBLIC_NAMESPACE,
  StopsWatchRequest,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../schemas';
import { currentArrivals, readBusStates, stopRoom } from './bus-states';
import {
  bindMessage,
  defineMessage,
  type SocketData,
  type SocketErrorLog,
  type TocSocket,
} from './socket-handlers';
import { servePublicStops, type PublicNamespace } from './public-stops';
import { duplicateConnection } from '../lib/redis-duplicate';
import { channelNames } from './channel-names';

export const BUSES_ROOM = 'buses';

export interface BusRelayContext {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  redis: Redis;
  queuePrefix: string;
  log: (message: string, detail: Record<string, unknown>) => void;
}

export async function startBusRelay(
  ctx: BusRelayContext,
): Promise<{ bind: (socket: TocSocket) => void; close: () => Promise<void> }> {
  const { io, redis, queuePrefix } = ctx;
  const publicStops = servePublicStops({
    namespace: io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace,
    redis,
    queuePrefix,
  });

  const watchBuses = defineMessage({
    name: 'buses.watch',
    roles: ALL_ROLES,
    schema: BusesWatchRequest,
    async handle(socket, body) {
      if (!body.enabled) {
        await socket.leave(BUSES_ROOM);
        return { ok: true };
      }
      // Join first: a delta published while the snapshot is read is newer than nothing and older than the snapshot.
      await socket.join(BUSES_ROOM);
      const buses = await readBusStates(redis, queuePrefix);
      socket.emit('buses.delta', { at: new Date().toISOString(), upsert: buses, remove: [] });
      return { ok: true, count: buses.length };
    },
  });

  const watchStops = defineMessage({
    name: 'stops.watch',
    roles: ALL_ROLES,
    schema: StopsWatchRequest,
    async handle(socket, body) {
      for (const room of socket.rooms) if (room.startsWith('stop:')) await socket.leave(room);
      await socket.join(body.stops.map((s) => stopRoom(s.feedId, s.stopId)));
      const current = await currentArrivals(redis, queuePrefix, body.stops);
      for (const message of current) socket.emit('stop.arrivals', message);
      return { ok: true, count: current.length };
    },
  });

  const subscriber = duplicateConnection(redis);
  const channels = channelNames(queuePrefix);
  await subscriber.subscribe(channels.buses, channels.stopArrivals);
  subscriber.on('message', (channel, json) => {
    try {
      const body = JSON.parse(json);
      if (channel === channels.buses) {
        io.to(BUSES_ROOM).emit('buses.delta', body);
      } else {
        const room = stopRoom(body.feedId, body.stopId);
        io.to(room).emit('stop.arrivals', body);
        publicStops.relay(room, body);
      }
    } catch (err) {
      ctx.log('dropped malformed bus message', { err, channel });
    }
  });

  return {
    bind(socket) {
      const logError: SocketErrorLog = (err, message) =>
        ctx.log('socket message failed', { err: String(err), message });
      bindMessage(socket, watchBuses, logError);
      bindMessage(socket, watchStops, logError);
    },
    async close() {
      await subscriber.quit();
    },
  };
}
