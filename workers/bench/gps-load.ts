// The GPS benchmark's load: a fleet of vehicles with devices, and senders posting JSON batches of moving buses
// as fast as the pipeline drains them (they hold back while the fixes stream has a backlog).
import type { Queryable } from '@toc/server/db/pool';
import { createDevice } from '@toc/server/repositories/gps-devices.repository';
import { createVehicle } from '@toc/server/repositories/vehicles.repository';

export interface BenchDevice {
  uniqueId: string;
  key: string;
  lat: number;
  lon: number;
  headingRad: number;
  lastT: number;
}

/** Vehicles and devices through the same repository functions the demo seeding uses. */
export async function registerFleet(db: Queryable, count: number, nowMs: number): Promise<BenchDevice[]> {
  const fleet: BenchDevice[] = [];
  for (let i = 0; i < count; i++) {
    const vehicle = await createVehicle(db, { label: `BENCH-${i}`, electric: i % 2 === 0 });
    const { device, key } = await createDevice(db, { uniqueId: `bench-${i}`, vehicleId: vehicle.id });
    // Spread over central Chachoengsao, about 10 × 10 km.
    fleet.push({
      uniqueId: device.uniqueId,
      key,
      lat: 13.64 + (i % 50) * 0.002,
      lon: 101.02 + Math.floor(i / 50) * 0.002,
      headingRad: (i * 2.4) % (2 * Math.PI),
      lastT: nowMs - 1000,
    });
  }
  return fleet;
}

/** Moves each device at 36 km/h from its last fix to now, in `perDevice` fixes (speeds in km/h, as the batch takes them). */
export function batchBody(devices: readonly BenchDevice[], perDevice: number, nowMs: number): string {
  const entries = devices.map((d) => {
    const stepMs = Math.max(1, Math.floor((nowMs - d.lastT) / perDevice));
    const fixes = [];
    for (let i = 0; i < perDevice; i++) {
      d.lastT += stepMs;
      const metres = stepMs * 0.01;
      d.headingRad += (Math.random() - 0.5) * 0.2;
      d.lat += (Math.cos(d.headingRad) * metres) / 111_320;
      d.lon += (Math.sin(d.headingRad) * metres) / 108_000;
      fixes.push({
        lat: d.lat,
        lon: d.lon,
        timestamp: d.lastT,
        speed: 36,
        bearing: ((d.headingRad * 180) / Math.PI + 360) % 360,
        accuracy: 5,
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
