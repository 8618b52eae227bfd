// Medium: two deployments (each its own database schema and QUEUE_PREFIX) on one real Redis hear only their own
// announcements: an event, a camera status or a bus position of one never reaches the other's operators' sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../src/app';
import { channelNames } from '../src/realtime/channel-names';
import { publishCameraStatus } from '../src/realtime/channels';
import type { BusDelta, ClientToServerEvents, ServerToClientEvents } from '../src/schemas';
import { until, vehicleCountEvent } from './realtime-helpers';
import { createTestSchema, requireEnv, roleTokens, testConfig } from './test-env';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Deployment {
  schema: Awaited<ReturnType<typeof createTestSchema>>;
  app: FastifyInstance;
  client: Client;
  /** What the deployment's operator saw, in order: event totals, camera ids of statuses, removed bus ids. */
  heard: { events: number[]; cameras: number[]; buses: number[] };
}

let a: Deployment;
let b: Deployment;
/** The workers' connection, for both deployments: only the channel names tell them apart. */
let redis: Redis;

async function startDeployment(): Promise<Deployment> {
  const schema = await createTestSchema(); // testConfig takes the schema's name as the QUEUE_PREFIX
  const app = await buildApp(testConfig(schema.databaseUrl));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const { viewer } = await roleTokens(app, ['viewer']);
  const client: Client = io(`http://127.0.0.1:${port}`, {
    auth: { token: viewer },
    transports: ['websocket'],
  });
  const heard: Deployment['heard'] = { events: [], cameras: [], buses: [] };
  client.on('event', (event) => heard.events.push((event.payload as { total: number }).total));
  client.on('camera.status', (status) => heard.cameras.push(status.cameraId));
  client.on('buses.delta', (delta) => heard.buses.push(...delta.remove));
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
  expect(await client.emitWithAck('buses.watch', { enabled: true })).toMatchObject({ ok: true });
  return { schema, app, client, heard };
}

beforeAll(async () => {
  redis = new Redis(requireEnv('REDIS_URL'));
  a = await startDeployment();
  b = await startDeployment();
  expect(a.app.config.queuePrefix).not.toBe(b.app.config.queuePrefix);
});

afterAll(async () => {
  for (const d of [a, b]) {
    d?.client.close();
    await d?.app.close();
    await d?.schema.drop();
  }
  await redis?.quit();
});

/**
 * Announces 1 on A, 2 on B, 3 on A, 4 on B, each once Redis took the one before, and waits for each deployment's last
 * one: anything the other leaked was announced earlier and would have arrived first, so the lists are exact.
 */
async function inTurn(
  announce: (d: Deployment, n: number) => Promise<void>,
  heard: (d: Deployment) => number[],
) {
  await announce(a, 1);
  await announce(b, 2);
  await announce(a, 3);
  await announce(b, 4);
  await until(() => heard(a).includes(3));
  await until(() => heard(b).includes(4));
  expect(heard(a)).toEqual([1, 3]);
  expect(heard(b)).toEqual([2, 4]);
}

describe('two deployments on one Redis', () => {
  it('relay only their own events', async () => {
    await inTurn(
      async (d, n) => void (await d.app.eventStore.record(vehicleCountEvent(n))),
      (d) => d.heard.events,
    );
  });

  it("relay only their own workers' camera statuses and bus positions", async () => {
    // As the workers announce them: on the channels named after their QUEUE_PREFIX.
    const worker = (d: Deployment) => ({ redis, channels: channelNames(d.app.config.queuePrefix) });
    await inTurn(
      (d, cameraId) =>
        publishCameraStatus(worker(d), {
          cameraId,
          status: 'offline',
          reason: null,
          at: new Date().toISOString(),
        }),
      (d) => d.heard.cameras,
    );
    await inTurn(
      async (d, vehicleId) => {
        const delta: BusDelta = { at: new Date().toISOString(), upsert: [], remove: [vehicleId] };
        await redis.publish(worker(d).channels.buses, JSON.stringify(delta));
      },
      (d) => d.heard.buses,
    );
  });
});
