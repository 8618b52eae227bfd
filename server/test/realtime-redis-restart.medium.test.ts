// Medium: a Redis of its own (a real redis-server) killed and started again under a connected control-room client:
// the events stored while Redis was away (their announcement lost) reach the client without it reconnecting, then a
// resync tells it to read its other live state again, and the events announced afterwards still arrive. Prints the
// time from Redis being back to the client having everything.
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { insertEvent } from '../src/repositories/events.repository';
import { upsertUser } from '../src/repositories/users.repository';
import type { ClientToServerEvents, Event, ResyncMessage, ServerToClientEvents } from '../src/schemas';
import { hashPassword } from '../src/services/passwords';
import { redisProcess, type RedisProcess } from './redis-process';
import { until as untilWithin, vehicleCountEvent } from './realtime-helpers';
import { createTestSchema, testConfig } from './test-env';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: RedisProcess;
let client: Client;
const received: Event[] = [];
/** Each resync with the number of events received before it. */
const resyncs: { message: ResyncMessage; afterEvents: number }[] = [];

/** Redis restarts and reconnects take seconds, not the default wait. */
const until = (condition: () => boolean, timeoutMs = 15_000) => untilWithin(condition, timeoutMs);

const has = (event: Event) => received.some((e) => e.id === event.id);

beforeAll(async () => {
  // No persistence: a restart loses everything, as a crash of an unpersisted Redis may.
  redis = await redisProcess();
  await redis.start();
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { redisUrl: redis.url }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as net.AddressInfo;
  await upsertUser(app.db, {
    username: 'viewer',
    displayName: 'V',
    role: 'viewer',
    passwordHash: await hashPassword('pw'),
  });
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'viewer', password: 'pw' }),
  });
  const { token } = (await login.json()) as { token: string };
  client = io(`http://127.0.0.1:${port}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  client.on('event', (event) => received.push(event));
  client.on('realtime.resync', (message) => resyncs.push({ message, afterEvents: received.length }));
  await new Promise<void>((resolve, reject) => {
    client.on('connect', resolve);
    client.on('connect_error', reject);
  });
});

afterAll(async () => {
  client?.close();
  await app?.close();
  await schema?.drop();
  await redis?.kill();
});

describe('Redis restarted under a connected client', () => {
  it('relays the events stored while Redis was away, then a resync, then the new ones, on the same socket', async () => {
    const before = await app.eventStore.record(vehicleCountEvent(1));
    await until(() => has(before));

    await redis.kill();
    // A worker stores its events first; with Redis gone their announcement never happens.
    const whileAway = [
      await insertEvent(app.db, vehicleCountEvent(2)),
      await insertEvent(app.db, vehicleCountEvent(3)),
    ];
    await new Promise((r) => setTimeout(r, 300));
    expect(whileAway.some(has)).toBe(false);

    const back = performance.now();
    await redis.start();
    await until(() => whileAway.every(has));
    const recoveredMs = performance.now() - back;
    await app.realtimeCatchUp.settled();
    console.log(
      `realtime: Redis back → the ${whileAway.length} events stored meanwhile on the client in ${recoveredMs.toFixed(0)} ms`,
    );

    // Then, once the events of the gap are relayed, the rest of the live state is to be read again.
    await until(() => resyncs.length > 0);
    expect(resyncs).toHaveLength(1);
    expect(resyncs[0]!.message).toEqual({ reason: 'relay-reconnected', awayMs: expect.any(Number) });
    // Away at least the 300 ms waited above (less a little: the subscriber may see the close after the kill).
    expect(resyncs[0]!.message.awayMs).toBeGreaterThanOrEqual(250);
    expect(resyncs[0]!.afterEvents).toBe(received.length);

    const after = await app.eventStore.record(vehicleCountEvent(4));
    await until(() => has(after));
    expect(client.connected).toBe(true);
    expect(received.map((e) => e.id)).toEqual(
      expect.arrayContaining([before.id, ...whileAway.map((e) => e.id), after.id]),
    );
  });
});
