// Medium: two real server processes behind a failover proxy share one PostGIS and Redis. Control-room clients on both
// get every event a worker stores; one server SIGKILLed under a steady stream of events, its client reconnects
// through the proxy to the other with its last seq and misses nothing. Prints the time from the kill to caught up.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { channelNames } from '../src/realtime/channel-names';
import { publishEvent } from '../src/realtime/channels';
import { insertEvent } from '../src/repositories/events.repository';
import { upsertUser } from '../src/repositories/users.repository';
import type { ClientToServerEvents, Event, ServerToClientEvents } from '../src/schemas';
import { hashPassword } from '../src/services/passwords';
import { freePort, startFailoverProxy, type FailoverProxy } from './tcp-proxy';
import { until, vehicleCountEvent } from './realtime-helpers';
import { createTestSchema, requireEnv } from './test-env';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface ServerProcess {
  name: string;
  port: number;
  child: ChildProcess;
}

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let db: Pool;
let redis: Redis;
let dataDir: string;
const servers: ServerProcess[] = [];
const proxies: FailoverProxy[] = [];
const clients: Client[] = [];
const output: string[] = [];

/** `node --import tsx` runs the server in this one process, so SIGKILL really kills it. */
async function startServer(name: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: schema.databaseUrl,
      QUEUE_PREFIX: schema.schema,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SNAPSHOT_DIR: path.join(dataDir, 'snapshots'),
      RECORDINGS_DIR: path.join(dataDir, 'recordings'),
      EVIDENCE_DIR: path.join(dataDir, 'evidence'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => output.push(`${name}: ${chunk.toString().trim()}`));
  }
  const server = { name, port, child };
  servers.push(server);
  const ready = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    return response?.ok ?? false;
  };
  const end = Date.now() + 60_000;
  while (!(await ready())) {
    if (child.exitCode !== null || Date.now() > end) {
      throw new Error(`server ${name} did not become ready: ${output.slice(-6).join(' | ')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

async function signIn(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'wall', password: 'pw' }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** A control-room client as the browser runs it: reconnects on its own, sending the highest seq it has seen. */
function connectClient(port: number, token: string): { client: Client; received: Event[] } {
  const received: Event[] = [];
  let lastSeq: number | undefined;
  const client: Client = io(`http://127.0.0.1:${port}`, {
    auth: (cb) => cb(lastSeq === undefined ? { token } : { token, lastSeq }),
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  client.on('event', (event) => {
    received.push(event);
    if (lastSeq === undefined || event.seq > lastSeq) lastSeq = event.seq;
  });
  clients.push(client);
  return { client, received };
}

/** Stores an event and announces it, as a camera worker does. */
async function workerStoresEvent(total: number): Promise<Event> {
  const event = await insertEvent(db, vehicleCountEvent(total));
  await publishEvent({ redis, channels: channelNames(schema.schema) }, event);
  return event;
}

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  dataDir = await mkdtemp(path.join(tmpdir(), 'toc-servers-'));
  await upsertUser(db, {
    username: 'wall',
    displayName: 'Wall',
    role: 'viewer',
    passwordHash: await hashPassword('pw'),
  });
  const [a, b] = await Promise.all([startServer('A'), startServer('B')]);
  // Each client's own balancer prefers a different server, so one client rides on each until A dies.
  proxies.push(await startFailoverProxy([a!.port, b!.port]), await startFailoverProxy([b!.port, a!.port]));
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  for (const proxy of proxies) await proxy.close();
  for (const { child } of servers) if (child.exitCode === null) child.kill('SIGKILL');
  redis?.disconnect();
  await db?.end();
  await schema?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('two servers, one SIGKILLed under a stream of events', () => {
  it('fans every event out to clients on both, and the dead one’s client misses nothing on the other', async () => {
    const [a, b] = servers;
    const [viaA, viaB] = proxies;
    const token = await signIn(viaA!.port);
    const onA = connectClient(viaA!.port, token);
    const onB = connectClient(viaB!.port, token);
    await until(() => onA.client.connected && onB.client.connected, 10_000);
    expect(viaA!.backendsInUse()).toContain(a!.port);
    expect(viaB!.backendsInUse()).toContain(b!.port);

    // A worker keeps storing events, every 50 ms, across the kill.
    const stored: Event[] = [];
    let producing = true;
    const producer = (async () => {
      for (let total = 1; producing; total += 1) {
        stored.push(await workerStoresEvent(total));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const has = (received: Event[], event: Event) => received.some((e) => e.id === event.id);
    const recovery = { reconnectedMs: 0, caughtUpMs: 0 };
    try {
      await until(
        () => stored.length >= 10 && stored.slice(0, 10).every((e) => has(onA.received, e)),
        10_000,
      );

      const exited = once(a!.child, 'exit');
      const killedAt = performance.now();
      a!.child.kill('SIGKILL');
      await exited;
      await until(() => onA.client.connected && viaA!.backendsInUse().includes(b!.port), 15_000);
      recovery.reconnectedMs = performance.now() - killedAt;
      const storedByReconnect = [...stored];
      await until(() => storedByReconnect.every((e) => has(onA.received, e)), 10_000);
      recovery.caughtUpMs = performance.now() - killedAt;

      await new Promise((r) => setTimeout(r, 500));
    } finally {
      producing = false;
      await producer;
    }
    const everything = (received: Event[]) => stored.every((e) => has(received, e));
    await until(() => everything(onA.received) && everything(onB.received), 10_000);
    console.log(
      `servers: A SIGKILLed → its client on B in ${recovery.reconnectedMs.toFixed(0)} ms, caught up in ${recovery.caughtUpMs.toFixed(0)} ms; ` +
        `${stored.length} events stored, all on both clients`,
    );
    // Exactly what was stored reached each client, in seq order (the replay comes before the live relay).
    const ours = (received: Event[]) => {
      const ids = new Set(stored.map((e) => e.id));
      return received.filter((e) => ids.has(e.id)).map((e) => e.seq);
    };
    const seqs = stored.map((e) => e.seq);
    expect(new Set(ours(onA.received))).toEqual(new Set(seqs));
    expect(ours(onB.received)).toEqual(seqs);
  }, 90_000);
});
