// Demo fleet: a vehicle per block (or per route) of a feed and one GPS device each, keys written to the fleet file.
import type { Pool } from '@toc/server/db/pool';
import { withTransaction } from '@toc/server/db/transaction';
import { deviceKeyMatches } from '@toc/server/lib/device-keys';
import { createDevice, findDeviceAuth, rotateDeviceKey, updateDevice } from '@toc/server/repositories/gps-devices.repository';
import { createVehicle, updateVehicle } from '@toc/server/repositories/vehicles.repository';
import { readDevicesFile, writeDevicesFile, type DemoDevice } from './devices-file';

export interface DemoFleetOptions {
  feed: string;
  /** Fleet labels are `<prefix>-01`, `<prefix>-02`, …; device ids `sim-<label>` in lower case. */
  labelPrefix: string;
  /** How many buses; default one per block (at most 40), or two per route for a feed without blocks. */
  count?: number;
  /** The fleet file ($TOC_DATA_DIR/demo-devices.json). */
  file: string;
}

export interface DemoFleetReport {
  devices: DemoDevice[];
  createdVehicles: number;
  createdDevices: number;
  rotatedKeys: number;
}

interface FleetSlot {
  routeId: string;
  blockId: string | null;
}

/** Blocks in order of their first departure (each with its first trip's route), or round-robin over the routes. */
async function fleetSlots(db: Pool, feedId: number, count: number | undefined): Promise<FleetSlot[]> {
  const blocks = await db.query<{ block_id: string; route_id: string }>(
    `SELECT DISTINCT ON (t.block_id) t.block_id, t.route_id, MIN(st.departure_s) OVER (PARTITION BY t.block_id) AS first_s
       FROM gtfs_trips t JOIN gtfs_stop_times st ON st.feed_id = t.feed_id AND st.trip_id = t.trip_id
      WHERE t.feed_id = $1 AND t.block_id IS NOT NULL AND t.block_id <> ''
      ORDER BY t.block_id, st.departure_s`,
    [feedId],
  );
  if (blocks.rows.length > 0) {
    return blocks.rows.slice(0, count ?? 40).map((b) => ({ routeId: b.route_id, blockId: b.block_id }));
  }
  const routes = await db.query<{ route_id: string }>(
    'SELECT DISTINCT route_id FROM gtfs_trips WHERE feed_id = $1 ORDER BY route_id',
    [feedId],
  );
  const ids = routes.rows.map((r) => r.route_id);
  const n = count ?? ids.length * 2;
  return Array.from({ length: ids.length ? n : 0 }, (_, i) => ({ routeId: ids[i % ids.length]!, blockId: null }));
}

/**
 * Creates what is missing and keeps what exists: vehicles found by label stay (re-bound to the feed if it was
 * re-imported), devices keep their key when the file holds the right one, and get a new key only when it does not.
 */
export async function seedDemoFleet(db: Pool, options: DemoFleetOptions): Promise<DemoFleetReport> {
  const feed = await db.query<{ id: number }>('SELECT id FROM gtfs_feeds WHERE name = $1', [options.feed]);
  const feedId = feed.rows[0]?.id;
  if (feedId === undefined) throw new Error(`GTFS feed "${options.feed}" is not imported`);
  const slots = await fleetSlots(db, feedId, options.count);
  const routeIds = [...new Set((await db.query<{ route_id: string }>('SELECT route_id FROM gtfs_routes WHERE feed_id = $1 ORDER BY route_id', [feedId])).rows.map((r) => r.route_id))];
  // The province's plan: electric buses on half of the routes.
  const electricRoutes = new Set(routeIds.slice(0, Math.ceil(routeIds.length / 2)));
  const known = new Map((await readDevicesFile(options.file)).devices.map((d) => [d.uniqueId, d]));
  const report: DemoFleetReport = { devices: [], createdVehicles: 0, createdDevices: 0, rotatedKeys: 0 };

  await withTransaction(db, async (tx) => {
    for (const [i, slot] of slots.entries()) {
      const label = `${options.labelPrefix}-${String(i + 1).padStart(2, '0')}`;
      const input = { label, plate: null, electric: electricRoutes.has(slot.routeId), feedId, routeId: slot.routeId, blockId: slot.blockId };
      const existing = await tx.query<{ id: number; electric: boolean; plate: string | null }>('SELECT id, electric, plate FROM vehicles WHERE label = $1', [label]);
      let vehicle = existing.rows[0];
      if (vehicle) {
        await updateVehicle(tx, vehicle.id, { ...input, electric: vehicle.electric, plate: vehicle.plate });
      } else {
        const created = await createVehicle(tx, input);
        vehicle = { id: created.id, electric: created.electric, plate: created.plate };
        report.createdVehicles++;
      }
      const uniqueId = `sim-${label.toLowerCase()}`;
      const [auth] = await findDeviceAuth(tx, [uniqueId]);
      let key: string;
      const fileKey = known.get(uniqueId)?.key;
      if (!auth) {
        key = (await createDevice(tx, { uniqueId, vehicleId: vehicle.id, enabled: true })).key;
        report.createdDevices++;
      } else {
        if (fileKey && deviceKeyMatches(fileKey, auth.keyHash)) key = fileKey;
        else {
          key = (await rotateDeviceKey(tx, auth.id))!;
          report.rotatedKeys++;
        }
        if (auth.vehicleId !== vehicle.id || !auth.enabled) await updateDevice(tx, auth.id, { vehicleId: vehicle.id, enabled: true });
      }
      report.devices.push({
        uniqueId,
        key,
        vehicleId: vehicle.id,
        vehicleLabel: label,
        electric: vehicle.electric,
        feed: options.feed,
        feedId,
        routeId: slot.routeId,
        blockId: slot.blockId,
      });
    }
  });

  // Other feeds' buses stay in the file; this feed's entries are replaced.
  const others = [...known.values()].filter((d) => d.feed !== options.feed);
  await writeDevicesFile(options.file, { devices: [...others, ...report.devices] });
  return report;
}
