// The `/public` socket namespace for bus-stop signs: no login, a few stops per socket, nothing but `stop.watch`.
import type { Redis } from 'ioredis';
import type { Namespace } from 'socket.io';
import { Compile } from 'typebox/compile';
import {
  PUBLIC_MAX_STOPS,
  StopWatchRequest,
  type Ack,
  type PublicClientToServerEvents,
  type PublicServerToClientEvents,
  type StopArrivalsMessage,
} from '../schemas';
import { currentArrivals, stopRoom } from './bus-states';

const checkWatch = Compile(StopWatchRequest);
const ONLY_STOP_WATCH = 'Only stop.watch is available without login / ใช้ได้เฉพาะ stop.watch เมื่อไม่ได้เข้าสู่ระบบ';

/** Typed apart from the main namespace: its sockets have no user and other messages. */
export type PublicNamespace = Namespace<PublicClientToServerEvents, PublicServerToClientEvents>;

export function servePublicStops(ctx: { namespace: PublicNamespace; redis: Redis; queuePrefix: string }): {
  relay: (room: string, message: StopArrivalsMessage) => void;
} {
  const { namespace } = ctx;
  namespace.on('connection', (socket) => {
    const watched = new Set<string>();
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (event !== 'stop.watch' && typeof ack === 'function')
        (ack as (reply: Ack) => void)({ ok: false, error: ONLY_STOP_WATCH });
    });
    socket.on('stop.watch', async (body: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => undefined;
      if (!checkWatch.Check(body)) {
        return reply({
          ok: false,
          error: 'stop.watch needs { feedId, stopId } / stop.watch ต้องมี { feedId, stopId }',
        });
      }
      const room = stopRoom(body.feedId, body.stopId);
      if (!watched.has(room) && watched.size >= PUBLIC_MAX_STOPS) {
        return reply({
          ok: false,
          error: `At most ${PUBLIC_MAX_STOPS} stops per connection / ติดตามได้ไม่เกิน ${PUBLIC_MAX_STOPS} ป้ายต่อการเชื่อมต่อ`,
        });
      }
      watched.add(room);
      await socket.join(room);
      try {
        for (const message of await currentArrivals(ctx.redis, ctx.queuePrefix, [body]))
          socket.emit('stop.arrivals', message);
        reply({ ok: true });
      } catch {
        reply({ ok: false, error: 'Arrivals are not available now / ยังไม่มีข้อมูลเวลารถมาถึง' });
      }
    });
  });
  return { relay: (room, message) => namespace.to(room).emit('stop.arrivals', message) };
}
