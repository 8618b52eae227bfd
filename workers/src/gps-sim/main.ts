// GPS bus simulator: drives the demo fleet along its feeds' trips in real time and sends OsmAnd requests to the server.
import path from 'node:path';
import pino from 'pino';
import { createPool } from '@toc/server/db/pool';
import { readDevicesFile } from './devices-file';
import { FaultInjector } from './fault-injector';
import { FeedPlayer, type DueFix } from './feed-player';
import { osmAndUrl, sendOsmAnd } from './osmand-request';
import { createRng } from './prng';
import { loadSimFeed } from './sim-feed.loader';

const env = process.env;
const log = pino({ name: 'gps-sim', level: env.LOG_LEVEL ?? 'info' });
const positive = (name: string, fallback: number): number => {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number`);
  return value;
};

const serverUrl = env.SERVER_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`;
const feedNames = (env.SIM_FEED ?? 'chachoengsao').split(',').map((s) => s.trim()).filter(Boolean);
const maxBuses = positive('SIM_BUSES', 1000);
const speedup = positive('SIM_SPEEDUP', 1);
const fixIntervalS = positive('SIM_FIX_INTERVAL_S', 5);
const faults = env.SIM_FAULTS === '1';
const seed = env.SIM_SEED ?? 'demo';
const devicesFile = env.SIM_DEVICES_FILE ?? path.join(env.TOC_DATA_DIR ?? '.data', 'demo-devices.json');
const databaseUrl = env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must be set');

const fleet = (await readDevicesFile(devicesFile)).devices;
const pool = createPool(databaseUrl, 2);
const players: FeedPlayer[] = [];
try {
  for (const name of feedNames) {
    const feed = await loadSimFeed(pool, name);
    const devices = fleet.filter((d) => d.feed === name).slice(0, maxBuses);
    if (!feed) log.warn({ feed: name }, 'GTFS feed not imported; skipping it');
    else if (devices.length === 0) log.warn({ feed: name, devicesFile }, 'no demo devices for this feed; run demo-fleet.cli.ts first');
    else players.push(new FeedPlayer(feed, devices, { speedup, seed, journey: { fixIntervalS }, log: (m) => log.info(m) }));
  }
} finally {
  await pool.end();
}
if (players.length === 0) {
  log.error('nothing to simulate');
  process.exit(1);
}
for (const p of players) p.plan(Date.now());

const rng = createRng(`${seed}:send`);
const injectors = new Map<string, FaultInjector<DueFix['fix']>>();
const statuses = new Map<number, number>();

function send(due: DueFix): void {
  let fixes = [due.fix];
  if (faults) {
    let injector = injectors.get(due.device.uniqueId);
    if (!injector) injectors.set(due.device.uniqueId, (injector = new FaultInjector(createRng(`${seed}:faults:${due.device.uniqueId}`))));
    fixes = injector.push(due.fix);
  }
  for (const fix of fixes) {
    // Phones and trackers send a moment after the fix, not on the dot.
    const delayMs = rng.uniform(100, 1500);
    setTimeout(() => {
      void sendOsmAnd(osmAndUrl(serverUrl, due.device.uniqueId, fix), due.device.key).then((status) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      });
    }, delayMs);
  }
}

const tick = setInterval(() => {
  const now = Date.now();
  for (const player of players) for (const due of player.due(now)) send(due);
}, 250);

const report = setInterval(() => {
  const counts = Object.fromEntries([...statuses].map(([status, n]) => [status === 0 ? 'no_reply' : String(status), n]));
  statuses.clear();
  const active = players.reduce((n, p) => n + p.activeBuses, 0);
  log.info({ sent: counts, activeBuses: active }, 'fixes sent in the last minute');
  if (counts['401']) log.warn('the server does not know some devices: re-run demo-fleet.cli.ts (keys in the fleet file may be stale)');
}, 60_000);

log.info({ serverUrl, feeds: feedNames, speedup, faults, devicesFile }, 'GPS simulator started');
const stop = (): void => {
  clearInterval(tick);
  clearInterval(report);
  log.info('GPS simulator stopped');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
