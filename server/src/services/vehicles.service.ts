// Vehicles (buses): admins create, change and delete them (audited); a deleted bus leaves the live map at once.
import type { Redis } from 'ioredis';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { insertAudit } from '../repositories/audit.repository';
import * as vehicles from '../repositories/vehicles.repository';
import { notFound } from '../lib/http-error';
import { busKeys } from '../realtime/bus-keys';
import { channelNames } from '../realtime/channel-names';
import type { BusDelta, User, Vehicle, VehicleInput, VehicleUpdate } from '../schemas';
import { withFleetConstraints } from './gps/pg-conflicts';

export interface FleetContext {
  db: Pool;
  redis: Redis;
  queuePrefix: string;
  user: User;
  ip: string | null;
}

const vehicleNotFound = (id: number) => notFound(`Vehicle ${id}`, `รถหมายเลข ${id}`);
const VEHICLE = { en: 'A vehicle with this label', th: 'รถที่ใช้ชื่อนี้' };

const audit = (
  ctx: FleetContext,
  action: string,
  vehicle: Pick<Vehicle, 'id' | 'label'>,
  detail: Record<string, unknown> = {},
) => ({
  userId: ctx.user.id,
  username: ctx.user.username,
  action,
  target: `vehicle:${vehicle.id}`,
  detail: { label: vehicle.label, ...detail },
  ip: ctx.ip,
});

export async function getVehicle(db: Pool, id: number): Promise<Vehicle> {
  const vehicle = await vehicles.findVehicle(db, id);
  if (!vehicle) throw vehicleNotFound(id);
  return vehicle;
}

export async function addVehicle(ctx: FleetContext, input: VehicleInput): Promise<Vehicle> {
  return withFleetConstraints(VEHICLE, () =>
    withTransaction(ctx.db, async (tx) => {
      const vehicle = await vehicles.createVehicle(tx, input);
      await insertAudit(tx, audit(ctx, 'vehicle.create', vehicle, { input }));
      return vehicle;
    }),
  );
}

export async function changeVehicle(ctx: FleetContext, id: number, change: VehicleUpdate): Promise<Vehicle> {
  return withFleetConstraints(VEHICLE, () =>
    withTransaction(ctx.db, async (tx) => {
      const current = await vehicles.findVehicle(tx, id);
      if (!current) throw vehicleNotFound(id);
      const updated = await vehicles.updateVehicle(tx, id, { ...current, ...change });
      await insertAudit(tx, audit(ctx, 'vehicle.update', updated!, { change }));
      return updated!;
    }),
  );
}

export async function removeVehicle(ctx: FleetContext, id: number): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await vehicles.findVehicle(tx, id);
    if (!current || !(await vehicles.deleteVehicle(tx, id))) throw vehicleNotFound(id);
    await insertAudit(tx, audit(ctx, 'vehicle.delete', current));
  });
  const delta: BusDelta = { at: new Date().toISOString(), upsert: [], remove: [id] };
  await ctx.redis.hdel(busKeys(ctx.queuePrefix).busState, String(id));
  await ctx.redis.publish(channelNames(ctx.queuePrefix).buses, JSON.stringify(delta));
}
