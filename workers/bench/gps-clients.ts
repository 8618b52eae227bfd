// Control-room clients of the GPS benchmark: socket.io connections watching buses, counting bus updates and their latency.
import { io, type Socket } from 'socket.io-client';
import type { BusDelta, ClientToServerEvents, ServerToClientEvents } from '@toc/server/schemas';

export interface BusWatchers {
  /** Bus states received per client. */
  received: number[];
  /** Fix time → arrival at the first client (ms), while `measuring` is on. */
  latencies: number[];
  /** Bus states received by the first client while `measuring`, by service state (in_service, layover, unassigned…). */
  states: Record<string, number>;
  measuring: boolean;
  close(): void;
}

export async function watchBuses(baseUrl: string, token: string, clients: number): Promise<BusWatchers> {
  const watchers: BusWatchers = {
    received: Array(clients).fill(0),
    latencies: [],
    states: {},
    measuring: false,
    close: () => undefined,
  };
  const sockets: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];
  for (let i = 0; i < clients; i++) {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
      auth: { token },
      transports: ['websocket'],
    });
    await new Promise<void>((resolve, reject) => socket.on('connect', resolve).on('connect_error', reject));
    socket.on('buses.delta', (delta: BusDelta) => {
      watchers.received[i]! += delta.upsert.length;
      if (i !== 0 || !watchers.measuring) return;
      const now = Date.now();
      for (const bus of delta.upsert) {
        watchers.latencies.push(now - Date.parse(bus.fixTime));
        watchers.states[bus.state] = (watchers.states[bus.state] ?? 0) + 1;
      }
    });
    const ack = await socket.emitWithAck('buses.watch', { enabled: true });
    if (!ack.ok) throw new Error(`buses.watch refused: ${ack.error}`);
    sockets.push(socket);
  }
  watchers.close = () => sockets.forEach((s) => s.close());
  return watchers;
}
