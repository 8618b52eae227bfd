// The GPS benchmark's load: a fleet of vehicles with devices, bound to demo routes and driving their trips, and senders
// posting JSON batches of their fixes as fast as the pipeline drains them (they hold back while the fixes stream has a backlog).
import type { Queryable } from '@toc/server/db/pool';
import { createDevice } from '@toc/server/repositories/gps-devices.repository';
import { createVehicle } from '@toc/server/repositories/vehicles.repository';
import type { BenchBus } from './gps-journeys';

export interface BenchDevice {
  uniqueId: string;
  key: string;
  bus: BenchBus;
  /** Time of the last fix sent (ms). */
  lastT: number;
}

/** Vehicles bound to each bus's feed, route and block, and their devices, through the repository functions the demo seeding uses. */
export async function registerFleet(
  db: Queryable,
  buses: readonly BenchBus[],
  nowMs: number,
): Promise<BenchDevice[]> {
  const fleet: BenchDevice[] = [];
  for (const [i, bus] of buses.entries()) {
    const vehicle = await createVehicle(db, {
      label: `BENCH-${i}`,
      electric: i % 2 === 0,
      feedId: bus.feedId,
      routeId: bus.routeId,
      blockId: bus.blockId,
    });
    const { device, key } = await createDevice(db, { uniqueId: `bench-${i}`, vehicleId: vehicle.id });
    fleet.push({ uniqueId: device.uniqueId, key, bus, lastT: nowMs - 1000 });
  }
  return fleet;
}

/**
 * Each device's fixes from its last one to now, `perDevice` of them evenly spaced (speeds in km/h, as the batch takes
 * them): where its bus is at each instant, so timestamps are fresh, strictly increasing and the moves plausible.
 */
export function batchBody(devices: readonly BenchDevice[], perDevice: number, nowMs: number): string {
  const entries = devices.map((d) => {
    const stepMs = Math.max(1, Math.floor((nowMs - d.lastT) / perDevice));
    const fixes = [];
    for (let i = 0; i < perDevice; i++) {
      d.lastT += stepMs;
      const p = d.bus.at(d.lastT);
      fixes.push({
        lat: p.lat,
        lon: p.lon,
        timestamp: d.lastT,
        speed: p.speedKmh,
        bearing: p.bearingDeg,
        accuracy: p.accuracyM,
      });
    }
    return { id: d.uniqueId, key: d.key, fixes };
  });
  return JSON.stringify({ devices: entries });
}

export interface LoadResult {
  accepted: number;
  refused: number;
  requests: number;
  startedMs: number;
  endedMs: number;
}

export async function driveLoad(options: {
  url: string;
  fleet: BenchDevice[];
  seconds: number;
  concurrency: number;
  devicesPerRequest: number;
  fixesPerDevice: number;
  /** Entries waiting in the fixes stream, not yet read by the worker; senders pause above maxBacklog. */
  backlog: () => Promise<number>;
  maxBacklog: number;
}): Promise<LoadResult> {
  const result: LoadResult = { accepted: 0, refused: 0, requests: 0, startedMs: Date.now(), endedMs: 0 };
  const endMs = result.startedMs + options.seconds * 1000;
  let next = 0;
  const slice = () => {
    const devices: BenchDevice[] = [];
    for (let i = 0; i < options.devicesPerRequest; i++)
      devices.push(options.fleet[next++ % options.fleet.length]!);
    return devices;
  };
  const sender = async () => {
    while (Date.now() < endMs) {
      if ((await options.backlog()) > options.maxBacklog) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      const body = batchBody(slice(), options.fixesPerDevice, Date.now());
      const reply = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const json = (await reply.json()) as { accepted?: number; message?: string };
      result.requests++;
      if (reply.ok) result.accepted += json.accepted ?? 0;
      else {
        result.refused += options.devicesPerRequest * options.fixesPerDevice;
        if (result.refused <= options.devicesPerRequest * options.fixesPerDevice)
          console.warn(`batch refused: ${reply.status} ${json.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  result.endedMs = Date.now();
  return result;
}
