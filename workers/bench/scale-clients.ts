// Control-room clients of the scale benchmark: one socket.io connection per server, signed in as a viewer, following
// every event type and the live tracked objects; frame → socket latency from each objects message's frame time.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@toc/server/schemas';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ScaleWindow {
  /** Arrival time − frame time of every objects message, ms. */
  latencies: number[];
  objects: number;
  events: number;
  statuses: number;
}

export class ScaleClients {
  private readonly sockets: Client[] = [];
  private window: ScaleWindow = ScaleClients.empty();

  private static empty(): ScaleWindow {
    return { latencies: [], objects: 0, events: 0, statuses: 0 };
  }

  static async connect(baseUrls: readonly string[], login: { username: string; password: string }) {
    const clients = new ScaleClients();
    for (const baseUrl of baseUrls) await clients.add(baseUrl, login);
    return clients;
  }

  get count(): number {
    return this.sockets.length;
  }

  private async add(baseUrl: string, login: { username: string; password: string }): Promise<void> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
    });
    if (!response.ok) throw new Error(`sign-in at ${baseUrl}: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    const socket: Client = io(baseUrl, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => socket.on('connect', resolve).on('connect_error', reject));
    socket.on('objects', (message) => {
      this.window.objects++;
      this.window.latencies.push(Date.now() - Date.parse(message.at));
    });
    socket.on('event', () => void this.window.events++);
    socket.on('camera.status', () => void this.window.statuses++);
    const ack = await socket.emitWithAck('objects.watch', { enabled: true });
    if (!ack.ok) throw new Error(`objects.watch refused: ${ack.error}`);
    this.sockets.push(socket);
  }

  /** What arrived since the previous call. */
  take(): ScaleWindow {
    const window = this.window;
    this.window = ScaleClients.empty();
    return window;
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }
}
