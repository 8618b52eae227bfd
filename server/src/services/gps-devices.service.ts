// GPS devices: admins register them (the key is shown once), bind them to vehicles, rotate keys, disable; all audited.
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { insertAudit } from '../repositories/audit.repository';
import * as devices from '../repositories/gps-devices.repository';
import { notFound } from '../lib/http-error';
import type { GpsDevice, GpsDeviceInput, GpsDeviceUpdate, GpsDeviceWithKey, User } from '../schemas';
import { withFleetConstraints } from './gps/pg-conflicts';

export interface DeviceAdminContext {
  db: Pool;
  user: User;
  ip: string | null;
  /** Drops the ingest's cached authentication of a device whose key, binding or state changed. */
  forgetDevice: (uniqueId: string) => void;
}

const deviceNotFound = (id: number) => notFound(`GPS device ${id}`, `อุปกรณ์ GPS หมายเลข ${id}`);
const DEVICE = { en: 'A GPS device with this id', th: 'อุปกรณ์ GPS ที่ใช้รหัสนี้' };

const audit = (
  ctx: DeviceAdminContext,
  action: string,
  device: Pick<GpsDevice, 'id' | 'uniqueId'>,
  detail: Record<string, unknown> = {},
) => ({
  userId: ctx.user.id,
  username: ctx.user.username,
  action,
  target: `gps_device:${device.id}`,
  detail: { uniqueId: device.uniqueId, ...detail },
  ip: ctx.ip,
});

export async function getDevice(db: Pool, id: number): Promise<GpsDevice> {
  const device = await devices.findDevice(db, id);
  if (!device) throw deviceNotFound(id);
  return device;
}

export async function registerDevice(
  ctx: DeviceAdminContext,
  input: GpsDeviceInput,
): Promise<GpsDeviceWithKey> {
  const created = await withFleetConstraints(DEVICE, () =>
    withTransaction(ctx.db, async (tx) => {
      const result = await devices.createDevice(tx, input);
      await insertAudit(
        tx,
        audit(ctx, 'gps_device.create', result.device, { vehicleId: result.device.vehicleId }),
      );
      return result;
    }),
  );
  // A device that tried before it was registered is cached as unknown.
  ctx.forgetDevice(created.device.uniqueId);
  return created;
}

export async function changeDevice(
  ctx: DeviceAdminContext,
  id: number,
  change: GpsDeviceUpdate,
): Promise<GpsDevice> {
  const device = await withFleetConstraints(DEVICE, () =>
    withTransaction(ctx.db, async (tx) => {
      const current = await devices.findDevice(tx, id);
      if (!current) throw deviceNotFound(id);
      await devices.updateDevice(tx, id, {
        vehicleId: change.vehicleId === undefined ? current.vehicleId : change.vehicleId,
        enabled: change.enabled ?? current.enabled,
      });
      await insertAudit(tx, audit(ctx, 'gps_device.update', current, { change }));
      return (await devices.findDevice(tx, id))!;
    }),
  );
  ctx.forgetDevice(device.uniqueId);
  return device;
}

export async function rotateKey(ctx: DeviceAdminContext, id: number): Promise<GpsDeviceWithKey> {
  const result = await withTransaction(ctx.db, async (tx) => {
    const current = await devices.findDevice(tx, id);
    const key = current && (await devices.rotateDeviceKey(tx, id));
    if (!current || !key) throw deviceNotFound(id);
    await insertAudit(tx, audit(ctx, 'gps_device.rotate_key', current));
    return { device: current, key };
  });
  ctx.forgetDevice(result.device.uniqueId);
  return result;
}

export async function removeDevice(ctx: DeviceAdminContext, id: number): Promise<void> {
  const removed = await withTransaction(ctx.db, async (tx) => {
    const current = await devices.findDevice(tx, id);
    if (!current || !(await devices.deleteDevice(tx, id))) throw deviceNotFound(id);
    await insertAudit(tx, audit(ctx, 'gps_device.delete', current));
    return current;
  });
  ctx.forgetDevice(removed.uniqueId);
}
