// SQL for GPS devices: registration (key kept as a hash), binding to a vehicle, and the ingest figures per device.
import type { Queryable } from '../db/pool';
import { hashDeviceKey, newDeviceKey } from '../lib/device-keys';
import type { FixRejection, GpsDevice, GpsDeviceInput, GpsDeviceWithKey } from '../schemas';
import { iso, isoRequired } from './row-mapping';

interface DeviceRow {
  id: number;
  unique_id: string;
  vehicle_id: number | null;
  vehicle_label: string | null;
  enabled: boolean;
  created_at: Date;
  last_fix_at: Date | null;
  rejected: Record<string, number>;
  last_rejection: string | null;
}

const SELECT_DEVICE = `SELECT d.id, d.unique_id, d.vehicle_id, v.label AS vehicle_label, d.enabled, d.created_at, d.last_fix_at,
  d.rejected, d.last_rejection FROM gps_devices d LEFT JOIN vehicles v ON v.id = d.vehicle_id`;

const toDevice = (row: DeviceRow): GpsDevice => ({
  id: row.id,
  uniqueId: row.unique_id,
  vehicleId: row.vehicle_id,
  vehicleLabel: row.vehicle_label,
  enabled: row.enabled,
  createdAt: isoRequired(row.created_at),
  lastFixAt: iso(row.last_fix_at),
  rejected: row.rejected,
  lastRejection: row.last_rejection,
});

export async function listDevices(db: Queryable, filter: { vehicleId?: number } = {}): Promise<GpsDevice[]> {
  const { rows } = await db.query<DeviceRow>(
    `${SELECT_DEVICE} WHERE ($1::integer IS NULL OR d.vehicle_id = $1) ORDER BY d.unique_id`,
    [filter.vehicleId ?? null],
  );
  return rows.map(toDevice);
}

export async function findDevice(db: Queryable, id: number): Promise<GpsDevice | null> {
  const { rows } = await db.query<DeviceRow>(`${SELECT_DEVICE} WHERE d.id = $1`, [id]);
  return rows[0] ? toDevice(rows[0]) : null;
}

/** Registers a device with a new random key; the plain key is returned here only (also used by demo seeding). */
export async function createDevice(db: Queryable, input: GpsDeviceInput): Promise<GpsDeviceWithKey> {
  const key = newDeviceKey();
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO gps_devices (unique_id, key_hash, vehicle_id, enabled) VALUES ($1, $2, $3, $4) RETURNING id',
    [input.uniqueId, hashDeviceKey(key), input.vehicleId ?? null, input.enabled ?? true],
  );
  return { device: (await findDevice(db, rows[0]!.id))!, key };
}

export async function updateDevice(
  db: Queryable,
  id: number,
  change: { vehicleId: number | null; enabled: boolean },
): Promise<boolean> {
  const result = await db.query('UPDATE gps_devices SET vehicle_id = $2, enabled = $3 WHERE id = $1', [
    id,
    change.vehicleId,
    change.enabled,
  ]);
  return (result.rowCount ?? 0) > 0;
}

/** Replaces the key; the old one stops working (after the ingest's short auth cache). */
export async function rotateDeviceKey(db: Queryable, id: number): Promise<string | null> {
  const key = newDeviceKey();
  const result = await db.query('UPDATE gps_devices SET key_hash = $2 WHERE id = $1', [
    id,
    hashDeviceKey(key),
  ]);
  return (result.rowCount ?? 0) > 0 ? key : null;
}

export async function deleteDevice(db: Queryable, id: number): Promise<boolean> {
  const result = await db.query('DELETE FROM gps_devices WHERE id = $1', [id]);
  return (result.rowCount ?? 0) > 0;
}

/** What the ingest needs to authenticate a device. */
export interface DeviceAuth {
  id: number;
  uniqueId: string;
  vehicleId: number | null;
  enabled: boolean;
  keyHash: Buffer;
}

export async function findDeviceAuth(db: Queryable, uniqueIds: readonly string[]): Promise<DeviceAuth[]> {
  const { rows } = await db.query<{
    id: number;
    unique_id: string;
    vehicle_id: number | null;
    enabled: boolean;
    key_hash: Buffer;
  }>(
    'SELECT id, unique_id, vehicle_id, enabled, key_hash FROM gps_devices WHERE unique_id = ANY($1::text[])',
    [uniqueIds],
  );
  return rows.map((r) => ({
    id: r.id,
    uniqueId: r.unique_id,
    vehicleId: r.vehicle_id,
    enabled: r.enabled,
    keyHash: r.key_hash,
  }));
}

/** What the GPS worker needs per device: its vehicle and how the map labels it. */
export interface DeviceBinding {
  deviceId: number;
  uniqueId: string;
  vehicleId: number | null;
  label: string | null;
  electric: boolean;
}

/** Every device when `uniqueIds` is null (the worker's periodic reload), else just those. */
export async function findDeviceBindings(
  db: Queryable,
  uniqueIds: readonly string[] | null,
): Promise<DeviceBinding[]> {
  const { rows } = await db.query<{
    id: number;
    unique_id: string;
    vehicle_id: number | null;
    label: string | null;
    electric: boolean | null;
  }>(
    `SELECT d.id, d.unique_id, d.vehicle_id, v.label, v.electric FROM gps_devices d LEFT JOIN vehicles v ON v.id = d.vehicle_id
      WHERE $1::text[] IS NULL OR d.unique_id = ANY($1::text[])`,
    [uniqueIds],
  );
  return rows.map((r) => ({
    deviceId: r.id,
    uniqueId: r.unique_id,
    vehicleId: r.vehicle_id,
    label: r.label,
    electric: r.electric ?? false,
  }));
}

export interface RejectionTally {
  deviceId: number;
  counts: Partial<Record<FixRejection, number>>;
  last: FixRejection;
}

/** Adds refused-fix counts for many devices in one statement (the ingest and the worker flush these in batches). */
export async function addRejections(db: Queryable, tallies: readonly RejectionTally[]): Promise<void> {
  if (tallies.length === 0) return;
  await db.query(
    `UPDATE gps_devices d
        SET rejected = d.rejected || (SELECT jsonb_object_agg(c.key, COALESCE((d.rejected ->> c.key)::bigint, 0) + c.value::bigint)
                                        FROM jsonb_each_text(u.counts) c),
            last_rejection = u.last
       FROM jsonb_to_recordset($1::jsonb) AS u(id integer, counts jsonb, last text)
      WHERE d.id = u.id`,
    [JSON.stringify(tallies.map((t) => ({ id: t.deviceId, counts: t.counts, last: t.last })))],
  );
}

/** Moves last_fix_at forward (never back) for many devices in one statement. */
export async function touchLastFix(db: Queryable, latest: ReadonlyMap<number, Date>): Promise<void> {
  if (latest.size === 0) return;
  await db.query(
    `UPDATE gps_devices d SET last_fix_at = GREATEST(d.last_fix_at, u.at)
       FROM unnest($1::integer[], $2::timestamptz[]) AS u(id, at) WHERE d.id = u.id`,
    [[...latest.keys()], [...latest.values()]],
  );
}
