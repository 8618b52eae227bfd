// Medium-test rig for GPS buses: the real server listening, a GPS worker on the real Redis stream and PostGIS, two
// registered buses (CCS-01, CCS-02) and four devices (osm and filters bound to them, flood and bad unbound).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '@toc/server/app';
import type { Config } from '@toc/server/config';
import { createPool, type Pool } from '@toc/server/db/pool';
import { busKeys } from '@toc/server/realtime/bus-keys';
import type { BusState, GpsDevice, Role, Vehicle } from '@toc/server/schemas';
import { createTestSchema, requireEnv, roleTokens, testConfig } from '@toc/server/testing';
import { loadWorkerConfig } from '../src/config';
import { GpsWorker } from '../src/gps/gps-worker';

export const isoAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

/** Polls until the probe gives a truthy value. */
export async function until<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type DeviceName = 'osm' | 'filters' | 'flood' | 'bad';
export type BusLabel = 'CCS-01' | 'CCS-02';

export interface GpsRig {
  app: FastifyInstance;
  schema: Awaited<ReturnType<typeof createTestSchema>>;
  redis: Redis;
  worker: GpsWorker;
  baseUrl: string;
  tokens: Record<'admin' | 'viewer' | 'police', string>;
  devices: Record<DeviceName, { device: GpsDevice; key: string }>;
  vehicles: Record<BusLabel, Vehicle>;
  /** Errors the worker logged; a test file ends by expecting none. */
  workerErrors: string[];
  auth: (role: Role) => { authorization: string };
  /** Fixes through the JSON batch endpoint, each device with its own key unless one is given. */
  batch: (
    entries: Array<{ name: DeviceName; fixes: unknown[]; key?: string }>,
  ) => Promise<LightMyRequestResponse>;
  /** The bus's latest state as the worker left it in Redis. */
  busState: (label: BusLabel) => Promise<BusState | undefined>;
  /** A socket.io client on the server (signed in when given a token). */
  connect: (namespace: string, token?: string) => Promise<Socket>;
  stop: () => Promise<void>;
}

export async function startGpsRig(overrides: Partial<Config> = {}): Promise<GpsRig> {
  const schema = await createTestSchema();
  const app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema, ...overrides }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const tokens = await roleTokens(app, ['admin', 'viewer', 'police']);
  const auth = (role: Role) => ({ authorization: `Bearer ${tokens[role as keyof typeof tokens]}` });
  // The server's Redis, also when a test gives one of its own.
  const redis = new Redis(overrides.redisUrl ?? requireEnv('REDIS_URL'));
  // A test restarting its Redis expects connection errors; ioredis reconnects by itself.
  redis.on('error', () => undefined);
  const workerDb: Pool = createPool(schema.databaseUrl, 4);
  const config = loadWorkerConfig({
    ...process.env,
    DATABASE_URL: schema.databaseUrl,
    QUEUE_PREFIX: schema.schema,
  });
  const workerErrors: string[] = [];
  const worker = new GpsWorker({
    config: { ...config.gps, transit: false, consumer: 'test' },
    queuePrefix: schema.schema,
    db: workerDb,
    redis,
    log: (level, message, detail) =>
      level === 'error' && workerErrors.push(`${message} ${JSON.stringify(detail)}`),
  });
  await worker.start();

  const create = async <T>(url: string, payload: object): Promise<T> => {
    const reply = await app.inject({ method: 'POST', url, headers: auth('admin'), payload });
    if (reply.statusCode !== 201) throw new Error(`POST ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json<T>();
  };
  const vehicles = {} as GpsRig['vehicles'];
  for (const label of ['CCS-01', 'CCS-02'] as const)
    vehicles[label] = await create<Vehicle>('/api/vehicles', {
      label,
      plate: `10-${label.slice(-2)}`,
      electric: true,
    });
  const devices = {} as GpsRig['devices'];
  const bound: Record<DeviceName, BusLabel | null> = {
    osm: 'CCS-01',
    filters: 'CCS-02',
    flood: null,
    bad: null,
  };
  for (const [name, label] of Object.entries(bound) as Array<[DeviceName, BusLabel | null]>)
    devices[name] = await create('/api/gps/devices', {
      uniqueId: `dev-${name}`,
      vehicleId: label ? vehicles[label].id : null,
    });

  return {
    app,
    schema,
    redis,
    worker,
    baseUrl,
    tokens,
    devices,
    vehicles,
    workerErrors,
    auth,
    batch: (entries) =>
      app.inject({
        method: 'POST',
        url: '/api/gps/batch',
        payload: {
          devices: entries.map((e) => ({
            id: devices[e.name].device.uniqueId,
            key: e.key ?? devices[e.name].key,
            fixes: e.fixes,
          })),
        },
      }),
    busState: async (label) => {
      const json = await redis.hget(busKeys(schema.schema).busState, String(vehicles[label].id));
      return json ? (JSON.parse(json) as BusState) : undefined;
    },
    connect: (namespace, token) => {
      const socket = io(`${baseUrl}${namespace}`, {
        auth: token ? { token } : {},
        transports: ['websocket'],
        reconnection: false,
      });
      return new Promise((resolve, reject) => {
        socket.on('connect', () => resolve(socket));
        socket.on('connect_error', reject);
      });
    },
    stop: async () => {
      await worker.stop();
      await workerDb.end();
      await app.close();
      await redis.quit();
      await schema.drop();
    },
  };
}
