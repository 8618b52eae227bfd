// The import arms of the hotspots bench: the real crash importer over the real files, and its raw limit — a plain
// COPY of the very rows the importer stored, replayed from memory into the emptied table.
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { importCrashFile } from '../src/crashes/crash-import';
import type { Pool } from '../src/db/pool';
import { REAL_CRASH_FILES } from '../test/crash-data';

/** Every column the importer writes (the upsert's, then the snap's); the id and timestamps are left to defaults. */
const IMPORTED_COLUMNS = `source, source_key, occurred_at, year, location, province, road_code, road_name, km, agency,
  cause, cause_raw, crash_type, crash_type_raw, weather, weather_raw, road_feature, road_feature_raw, vehicles,
  vehicle_codes, pedestrians, deaths, serious_injuries, minor_injuries, notes, import_id, road_id, road_offset_m,
  road_distance_m`;

/** Runs the real importer over both real files (DOH 2012 CSV, national fatal points); returns the crashes added. */
export async function importRealFiles(db: Pool, sharedDir: string): Promise<number> {
  let added = 0;
  for (const name of REAL_CRASH_FILES) {
    const report = await importCrashFile(db, {
      file: path.join(sharedDir, 'data', 'accidents', name),
      user: { id: null, username: 'bench' },
    });
    added += report.counts.added;
  }
  return added;
}

/** The stored crashes as COPY CSV text (read once: the COPY arm then replays it with nothing else to do). */
export async function readImportedRows(db: Pool): Promise<string> {
  const client = await db.connect();
  try {
    const chunks: Buffer[] = [];
    const stream = client.query(
      copyTo(`COPY (SELECT ${IMPORTED_COLUMNS} FROM crashes ORDER BY id) TO STDOUT WITH (FORMAT csv)`),
    );
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    client.release();
  }
}

/**
 * The raw limit: one COPY … FROM STDIN of the rows, with the table's own triggers (heatmap cells, road bins) off, as
 * a plain write of the rows is; returns the rows written. The cells and bins then miss these rows: rebuildCells puts
 * them right.
 */
export async function copyRows(db: Pool, csv: string): Promise<number> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE crashes DISABLE TRIGGER USER');
    const copy = client.query(copyFrom(`COPY crashes (${IMPORTED_COLUMNS}) FROM STDIN WITH (FORMAT csv)`));
    await pipeline(Readable.from([csv]), copy);
    await client.query('ALTER TABLE crashes ENABLE TRIGGER USER');
    await client.query('COMMIT');
    return copy.rowCount;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The heatmap cells and road bins counted again from the stored crashes (after a COPY that bypassed their triggers). */
export async function rebuildCells(db: Pool): Promise<void> {
  await db.query('TRUNCATE crash_heatmap_cells, crash_road_bins');
  await db.query(
    `SELECT crash_heatmap_apply(array_agg(1), array_agg(ST_X(location)), array_agg(ST_Y(location)), array_agg(year),
       array_agg(deaths), array_agg(serious_injuries), array_agg(minor_injuries), array_agg(source))
     FROM crashes HAVING count(*) > 0`,
  );
  await db.query(
    `SELECT crash_road_bins_apply(array_agg(1), array_agg(road_code), array_agg(km), array_agg(road_id),
       array_agg(road_offset_m), array_agg(year), array_agg(deaths), array_agg(serious_injuries),
       array_agg(minor_injuries), array_agg(source))
     FROM crashes HAVING count(*) > 0`,
  );
}

/** Both arms start from an empty crash table (the import records stay: the copied rows refer to them). */
export async function emptyCrashes(db: Pool): Promise<void> {
  await db.query('TRUNCATE crashes');
}
