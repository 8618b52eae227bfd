// Writes positions into gps_positions with COPY (text format, location as hex EWKB): the fastest way PostgreSQL takes rows.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Pool } from '@toc/server/db/pool';
import { recordStoredUpTo, type StreamProgress } from './stream-progress';

export interface PositionRow {
  deviceId: number;
  vehicleId: number | null;
  fixTime: string;
  receivedAt: string;
  lon: number;
  lat: number;
  speedKmh: number | null;
  bearingDeg: number | null;
  altitudeM: number | null;
  accuracyM: number | null;
  current: boolean;
}

export const COPY_POSITIONS = `COPY gps_positions (device_id, vehicle_id, fix_time, received_at, location, speed_kmh, bearing_deg, altitude_m,
  accuracy_m, current) FROM STDIN`;

const point = Buffer.alloc(25);
point.writeUInt8(1, 0); // little endian
point.writeUInt32LE(0x20000001, 1); // Point, with an SRID
point.writeUInt32LE(4326, 5);

/** A WGS 84 point as hex EWKB, which PostGIS reads without parsing decimal text. */
export function pointEwkb(lon: number, lat: number): string {
  point.writeDoubleLE(lon, 9);
  point.writeDoubleLE(lat, 17);
  return point.toString('hex');
}

const value = (n: number | null) => (n === null ? '\\N' : String(n));

/** COPY text lines; every value is a number, an ISO time or hex, so nothing needs escaping. */
export function copyLines(rows: readonly PositionRow[]): string {
  let text = '';
  for (const r of rows) {
    text += `${r.deviceId}\t${value(r.vehicleId)}\t${r.fixTime}\t${r.receivedAt}\t${pointEwkb(r.lon, r.lat)}\t${value(r.speedKmh)}\t${value(r.bearingDeg)}\t${value(r.altitudeM)}\t${value(r.accuracyM)}\t${r.current ? 't' : 'f'}\n`;
  }
  return text;
}

/**
 * One COPY for all rows (as encoded by copyLines), in one transaction with the stream position the rows came from:
 * all of them are stored and the position recorded, or nothing.
 */
export async function copyPositions(db: Pool, lines: string, progress?: StreamProgress): Promise<void> {
  if (lines.length === 0 && !progress) return;
  const client = await db.connect();
  let failed: Error | undefined;
  try {
    await client.query('BEGIN');
    if (lines.length > 0) await pipeline(Readable.from([lines]), client.query(copyFrom(COPY_POSITIONS)));
    if (progress) await recordStoredUpTo(client, progress);
    await client.query('COMMIT');
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    // A connection whose COPY or transaction failed midway is not reused (closing it rolls back).
    client.release(failed);
  }
}
