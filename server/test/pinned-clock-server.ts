// A listening server on a test clock the test moves, with the two questions the session tests ask of it.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { io } from 'socket.io-client';
import { buildApp } from '../src/app';
import type { Config } from '../src/config';
import { createTestSchema, testConfig } from './test-env';

export interface PinnedClockServer {
  app: FastifyInstance;
  /** Moves the server's clock to this instant (ms since the epoch). */
  setClock: (ms: number) => void;
  clock: () => number;
  /** `GET /api/me` with the token. */
  me: (token: string) => Promise<LightMyRequestResponse>;
  /** Whether the socket handshake takes the token now. */
  socketAccepts: (token: string) => Promise<boolean>;
  close: () => Promise<void>;
}

export async function startPinnedClockServer(startMs: number, overrides: Partial<Config>): Promise<PinnedClockServer> {
  const schema = await createTestSchema();
  let clockMs = startMs;
  const app = await buildApp(testConfig(schema.databaseUrl, overrides), { now: () => new Date(clockMs) });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    setClock: (ms) => {
      clockMs = ms;
    },
    clock: () => clockMs,
    me: (token) => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } }),
    socketAccepts: (token) =>
      new Promise<boolean>((resolve) => {
        const socket = io(baseUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
        socket.on('connect', () => (socket.close(), resolve(true)));
        socket.on('connect_error', () => (socket.close(), resolve(false)));
      }),
    close: async () => {
      await app.close();
      await schema.drop();
    },
  };
}
