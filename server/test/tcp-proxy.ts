// A TCP forwarder for tests: stands in for a load balancer (each connection to the first backend that accepts) and
// plays network faults in front of a real server (connections refused, or accepted and never answered).
import net from 'node:net';
import { once } from 'node:events';

/**
 * `refused`: live connections are reset and new ones dropped at once; `silent`: live ones reset, new ones held and
 * never answered; `blackhole`: nothing is reset, but no byte gets through any more on live or new connections (a
 * host gone dark: the client's open connections only find out by a timeout).
 */
export type Fault = 'refused' | 'silent' | 'blackhole';

export interface FailoverProxy {
  port: number;
  /** The backend port each live connection was forwarded to. */
  backendsInUse(): number[];
  /** Starts a fault, or ends it with null (held and darkened connections are then dropped). */
  fault(fault: Fault | null): void;
  close(): Promise<void>;
}

/** Connects to the first backend (in the given order) that accepts; a refused one is skipped, as a health check would. */
function connectFirst(ports: readonly number[], index = 0): Promise<{ socket: net.Socket; port: number }> {
  return new Promise((resolve, reject) => {
    const port = ports[index];
    if (port === undefined) return reject(new Error('no backend accepted the connection'));
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve({ socket, port });
    });
    socket.once('error', () => {
      socket.destroy();
      connectFirst(ports, index + 1).then(resolve, reject);
    });
  });
}

export async function startFailoverProxy(backendPorts: readonly number[]): Promise<FailoverProxy> {
  const live = new Map<net.Socket, number>();
  const held = new Set<net.Socket>();
  const backends = new Map<net.Socket, net.Socket>();
  let current: Fault | null = null;
  const server = net.createServer((client) => {
    if (current === 'refused') return client.destroy();
    if (current === 'silent' || current === 'blackhole') {
      held.add(client.on('error', () => undefined).on('close', () => held.delete(client)));
      return;
    }
    client.pause();
    connectFirst(backendPorts).then(
      ({ socket: backend, port }) => {
        live.set(client, port);
        backends.set(client, backend);
        const end = () => {
          live.delete(client);
          backends.delete(client);
          client.destroy();
          backend.destroy();
        };
        client.on('error', end).on('close', end);
        backend.on('error', end).on('close', end);
        client.pipe(backend);
        backend.pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    backendsInUse: () => [...live.values()],
    fault(fault) {
      current = fault;
      if (fault === 'blackhole') {
        // Kept open, but what either side sends is read and thrown away.
        for (const [client, backend] of backends) {
          client.unpipe(backend);
          backend.unpipe(client);
          held.add(client.on('data', () => undefined));
          held.add(backend.on('data', () => undefined));
        }
        return;
      }
      for (const client of fault ? [...live.keys()] : [...held]) client.destroy();
    },
    close: async () => {
      for (const client of [...live.keys(), ...held]) client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on at the moment (the OS's pick). */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
