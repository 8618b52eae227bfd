// Imports a GTFS feed (zip or folder) into PostGIS in one transaction, skipping bad rows and reporting their lines.
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { readCsvRows } from './csv-rows';
import { RowRejected, type Rejection } from './gtfs-fields';
import { GtfsFeedError } from './gtfs-feed-error';
import { openGtfsSource, type GtfsSource } from './gtfs-source';
import {
  agencyRow,
  calendarDateRow,
  calendarRow,
  frequencyRow,
  routeRow,
  shapePointRow,
  stopRow,
  stopTimeRow,
  translationKey,
  translationRow,
  tripRow,
  type FeedIds,
  type StopRow,
  type Translations,
} from './gtfs-rows';
import { buildShape, type BuiltShape, type ShapePoint } from './shape-builder';
import { FEED_TABLES, feedWriter } from './gtfs-writer';

export interface RejectedRow extends Rejection {
  file: string;
  /** 1-based line in the file, the header being line 1. */
  line: number;
}

export interface ImportProgress {
  file: string;
  rows: number;
  rejected: number;
  elapsedMs: number;
  rowsPerS: number;
  done: boolean;
}

export interface ImportResult {
  feedId: number;
  counts: Record<string, number>;
  rejected: RejectedRow[];
}

export interface ImportOptions {
  name: string;
  /** Shown in gtfs_feeds.source; defaults to the path or "upload". */
  sourceLabel?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** A feed of this name exists already: replace it (the CLI, the demo) or refuse with GtfsFeedExistsError (the API without `replace`). */
  ifExists?: 'replace' | 'refuse';
  /** Stops the import between rows (time limit, an admin's cancel); the transaction rolls back. Its reason is the error. */
  signal?: AbortSignal;
}

/** The API asked to import under a name already taken without saying it replaces that feed. */
export class GtfsFeedExistsError extends GtfsFeedError {
  constructor(name: string) {
    super(
      `A feed named ${name} exists; send replace=true to replace it`,
      `มีชุดข้อมูลชื่อ ${name} อยู่แล้ว หากต้องการแทนที่ให้ส่ง replace=true`,
    );
  }
}

export { GtfsFeedError };

export const FEED_NAME = /^[a-z0-9_-]{1,40}$/;
/** Enough to show what is wrong with a broken feed without storing a copy of it. */
export const MAX_STORED_REJECTIONS = 1000;
const BATCH_ROWS = 5000;
const PROGRESS_EVERY_ROWS = 10_000;
/** Rows between checks of the abort signal: cheap enough, and a few milliseconds of work at most. */
const ABORT_CHECK_ROWS = 500;
const REQUIRED_FILES = ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt'];

export async function importGtfs(
  db: Pool,
  input: string | Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  const source = await openCheckedSource(input, options.name);
  try {
    const label = options.sourceLabel ?? (typeof input === 'string' ? input : 'upload');
    return await withTransaction(db, (tx) => new FeedImport(tx, source, options).run(label));
  } finally {
    source.close();
  }
}

/**
 * What can be told without importing: the name, a readable zip within the inflation limits, the required files. The
 * API checks an upload with it before queuing the import, so a feed refused here leaves no trace.
 */
export async function checkGtfsFeed(input: string | Buffer, name: string): Promise<void> {
  (await openCheckedSource(input, name)).close();
}

async function openCheckedSource(input: string | Buffer, name: string): Promise<GtfsSource> {
  if (!FEED_NAME.test(name)) {
    throw new GtfsFeedError(
      'The feed name must be 1-40 characters a-z, 0-9, _ or -',
      'ชื่อชุดข้อมูลต้องมี 1-40 ตัว a-z 0-9 _ หรือ -',
    );
  }
  let source: GtfsSource;
  try {
    source = await openGtfsSource(input);
  } catch (error) {
    if (error instanceof GtfsFeedError) throw error;
    throw new GtfsFeedError(`The feed cannot be opened: ${(error as Error).message}`, 'เปิดชุดข้อมูล GTFS ไม่ได้');
  }
  const missing = REQUIRED_FILES.filter((file) => !source.files.has(file));
  if (!source.files.has('calendar.txt') && !source.files.has('calendar_dates.txt'))
    missing.push('calendar.txt or calendar_dates.txt');
  if (missing.length > 0) {
    source.close();
    throw new GtfsFeedError(`The feed lacks ${missing.join(', ')}`, `ชุดข้อมูลขาดไฟล์ ${missing.join(', ')}`);
  }
  return source;
}

type Tx = Parameters<Parameters<typeof withTransaction>[1]>[0];

/** One import run: reads the files in dependency order, remembering ids for the reference checks. */
class FeedImport {
  private readonly rejected: RejectedRow[] = [];
  private rejectedTotal = 0;
  private readonly counts: Record<string, number> = {};
  private readonly translations = new Map<string, Translations>();
  private readonly ids = {
    agencies: new Set<string>(),
    stops: new Set<string>(),
    routes: new Set<string>(),
    services: new Set<string>(),
    trips: new Set<string>(),
  } satisfies FeedIds;
  private timezone: string | null = null;

  constructor(
    private readonly tx: Tx,
    private readonly source: GtfsSource,
    private readonly options: ImportOptions,
  ) {}

  async run(sourceLabel: string): Promise<ImportResult> {
    // Keeping the feed's id on re-import keeps vehicles bound to it; its old rows go first. Checked in the same
    // transaction, so two uploads of one name cannot both think it new.
    const { rows } = await this.tx.query<{ id: number }>(
      this.options.ifExists === 'refuse'
        ? `INSERT INTO gtfs_feeds (name, source, timezone) VALUES ($1, $2, 'UTC') ON CONFLICT (name) DO NOTHING RETURNING id`
        : `INSERT INTO gtfs_feeds (name, source, timezone) VALUES ($1, $2, 'UTC')
           ON CONFLICT (name) DO UPDATE SET source = EXCLUDED.source RETURNING id`,
      [this.options.name, sourceLabel],
    );
    if (!rows[0]) {
      throw new GtfsFeedExistsError(this.options.name);
    }
    const feedId = rows[0].id;
    for (const table of FEED_TABLES) await this.tx.query(DELETE_SQL[table], [feedId]);
    const write = feedWriter(this.tx, feedId);

    if (this.source.files.has('translations.txt')) {
      await this.eachRow('translations.txt', translationRow, null, (row) => {
        this.translations.set(row.key, {
          ...this.translations.get(row.key),
          [row.language]: row.translation,
        });
      });
    }
    await this.eachRow(
      'agency.txt',
      (f) => agencyRow(f, this.ids.agencies.size),
      (r) => r.agencyId,
      async (row) => {
        this.ids.agencies.add(row.agencyId);
        this.timezone ??= row.timezone;
        await write.agencies([row]);
      },
    );
    if (!this.timezone)
      throw new GtfsFeedError(
        'agency.txt has no usable agency (time zone unknown)',
        'agency.txt ไม่มีหน่วยงานที่ใช้ได้ (ไม่รู้เขตเวลา)',
      );

    await this.importStops(write.stops);
    await this.batched(
      'routes.txt',
      (f) => routeRow(f, this.ids, this.lookup('routes', 'route_long_name')),
      (r) => r.routeId,
      write.routes,
      (r) => this.ids.routes.add(r.routeId),
    );
    await this.batched(
      'calendar.txt',
      calendarRow,
      (r) => r.serviceId,
      write.calendar,
      (r) => this.ids.services.add(r.serviceId),
    );
    await this.batched(
      'calendar_dates.txt',
      calendarDateRow,
      (r) => `${r.serviceId}\u0000${r.date}`,
      write.calendarDates,
      (r) => this.ids.services.add(r.serviceId),
    );
    const shapeIds = await this.importShapes(write.shapes);
    let tripsWithoutShape = 0;
    await this.batched(
      'trips.txt',
      (f) => {
        const trip = tripRow(f, this.ids, this.lookup('trips', 'trip_headsign'));
        // A trip pointing at a missing shape is still a usable trip (Namtang ships no shapes.txt at all).
        if (trip.shapeId !== null && !shapeIds.has(trip.shapeId)) {
          tripsWithoutShape++;
          trip.shapeId = null;
        }
        return trip;
      },
      (r) => r.tripId,
      write.trips,
      (r) => this.ids.trips.add(r.tripId),
    );
    this.counts.tripsWithoutShape = tripsWithoutShape;
    await this.batched(
      'stop_times.txt',
      (f) => stopTimeRow(f, this.ids),
      (r) => `${r.tripId}\u0000${r.stopSequence}`,
      write.stopTimes,
    );
    await this.batched(
      'frequencies.txt',
      (f) => frequencyRow(f, this.ids),
      (r) => `${r.tripId}\u0000${r.startS}`,
      write.frequencies,
    );

    // An empty feed would replace a working one with nothing: the whole import is refused and rolled back. (No
    // stop_times is allowed: the national Namtang feed ships routes, trips and stops without a timetable.)
    const empty = (['stops', 'routes', 'trips'] as const).filter((table) => !this.counts[table]);
    if (empty.length > 0) {
      throw new GtfsFeedError(
        `The feed has no usable ${empty.join(', ')}: nothing was imported or replaced`,
        `ชุดข้อมูลไม่มี ${empty.join(', ')} ที่ใช้ได้ จึงไม่นำเข้าและไม่แทนที่ข้อมูลเดิม`,
      );
    }
    this.counts.rejected = this.rejectedTotal;
    this.stopIfAborted(); // the last chance before the commit
    await this.tx.query(
      `UPDATE gtfs_feeds SET timezone = $2, counts = $3, rejected = $4, imported_at = now() WHERE id = $1`,
      [feedId, this.timezone, JSON.stringify(this.counts), JSON.stringify(this.rejected)],
    );
    return { feedId, counts: this.counts, rejected: this.rejected };
  }

  /** Translation lookup for one table's name field: by the record's id first, then by the original text. */
  private lookup(table: string, field: string) {
    return (id: string, original: string): Translations | undefined => {
      const byValue = this.translations.get(translationKey(table, field, { fieldValue: original }));
      const byId = this.translations.get(translationKey(table, field, { recordId: id }));
      return byValue || byId ? { ...byValue, ...byId } : undefined;
    };
  }

  /** Stops are held until the file ends: a platform may name a parent station listed further down. */
  private async importStops(insert: (rows: StopRow[]) => Promise<unknown>): Promise<void> {
    const stops: Array<{ row: StopRow; line: number }> = [];
    await this.eachRow(
      'stops.txt',
      (f) => stopRow(f, this.lookup('stops', 'stop_name')),
      (r) => r.stopId,
      (row, line) => {
        stops.push({ row, line });
        this.ids.stops.add(row.stopId);
      },
    );
    const good: StopRow[] = [];
    for (const { row, line } of stops) {
      if (row.parentStation !== null && !this.ids.stops.has(row.parentStation)) {
        this.ids.stops.delete(row.stopId);
        this.reject('stops.txt', line, {
          reason: `parent_station "${row.parentStation}" is not in stops.txt`,
          reasonTh: `ไม่พบ parent_station "${row.parentStation}" ใน stops.txt`,
        });
        this.counts.stops!--;
      } else good.push(row);
    }
    for (let i = 0; i < good.length; i += BATCH_ROWS) await insert(good.slice(i, i + BATCH_ROWS));
  }

  private async importShapes(insert: (rows: BuiltShape[]) => Promise<unknown>): Promise<Set<string>> {
    const points = new Map<string, ShapePoint[]>();
    await this.eachRow(
      'shapes.txt',
      shapePointRow,
      (r) => `${r.shapeId}\u0000${r.sequence}`,
      (row, line) => {
        let list = points.get(row.shapeId);
        if (!list) points.set(row.shapeId, (list = []));
        list.push({ sequence: row.sequence, lon: row.lon, lat: row.lat, line });
      },
    );
    const built: BuiltShape[] = [];
    for (const [shapeId, list] of points) {
      const result = buildShape(shapeId, list);
      if ('shape' in result) built.push(result.shape);
      else this.reject('shapes.txt', result.line, result.rejection);
    }
    this.counts.shapePoints = this.counts.shapes ?? 0;
    this.counts.shapes = built.length;
    for (let i = 0; i < built.length; i += 200) await insert(built.slice(i, i + 200));
    return new Set(built.map((shape) => shape.shapeId));
  }

  /** Reads a file, checks each row, and writes the good ones in batches. */
  private async batched<T>(
    file: string,
    check: (fields: Record<string, string>) => T,
    keyOf: (row: T) => string,
    insert: (rows: T[]) => Promise<unknown>,
    remember?: (row: T) => void,
  ): Promise<void> {
    let batch: T[] = [];
    await this.eachRow(file, check, keyOf, async (row) => {
      remember?.(row);
      batch.push(row);
      if (batch.length >= BATCH_ROWS) {
        await insert(batch);
        batch = [];
        this.stopIfAborted(); // an insert can take a while
      }
    });
    if (batch.length > 0) await insert(batch);
  }

  /** The row loop every file shares: line numbers, duplicate keys, rejections, counts and progress. */
  private async eachRow<T>(
    file: string,
    check: (fields: Record<string, string>) => T,
    keyOf: ((row: T) => string) | null,
    accept: (row: T, line: number) => void | Promise<void>,
  ): Promise<void> {
    if (!this.source.files.has(file)) return;
    this.stopIfAborted();
    const started = Date.now();
    const seen = new Set<string>();
    let rows = 0;
    let rejectedHere = 0;
    const onBad = (line: number, rejection: Rejection) => {
      rejectedHere++;
      this.reject(file, line, rejection);
    };
    const progress = (done: boolean) => {
      const elapsedMs = Date.now() - started;
      this.options.onProgress?.({
        file,
        rows,
        rejected: rejectedHere,
        elapsedMs,
        rowsPerS: Math.round((rows * 1000) / Math.max(elapsedMs, 1)),
        done,
      });
    };
    let stream;
    try {
      stream = await this.source.open(file);
    } catch (error) {
      throw new GtfsFeedError(`${file} cannot be read: ${(error as Error).message}`, `อ่านไฟล์ ${file} ไม่ได้`);
    }
    for await (const { line, fields } of readCsvRows(file, stream, onBad)) {
      if (line % ABORT_CHECK_ROWS === 0) this.stopIfAborted();
      let row: T;
      try {
        row = check(fields);
      } catch (error) {
        if (!(error instanceof RowRejected)) throw error;
        onBad(line, error.rejection);
        continue;
      }
      if (keyOf) {
        const key = keyOf(row);
        if (seen.has(key)) {
          onBad(line, {
            reason: `duplicate ${key.replaceAll('\u0000', ' / ')}`,
            reasonTh: `ข้อมูลซ้ำ ${key.replaceAll('\u0000', ' / ')}`,
          });
          continue;
        }
        seen.add(key);
      }
      await accept(row, line);
      rows++;
      if (rows % PROGRESS_EVERY_ROWS === 0) progress(false);
    }
    this.counts[COUNT_NAMES[file] ?? file] = rows;
    progress(true);
  }

  private stopIfAborted(): void {
    const { signal } = this.options;
    if (!signal?.aborted) return;
    throw signal.reason instanceof GtfsFeedError
      ? signal.reason
      : new GtfsFeedError('The import was stopped', 'การนำเข้าถูกหยุด');
  }

  private reject(file: string, line: number, rejection: Rejection): void {
    this.rejectedTotal++;
    if (this.rejected.length < MAX_STORED_REJECTIONS) this.rejected.push({ file, line, ...rejection });
  }
}

const COUNT_NAMES: Record<string, string> = {
  'agency.txt': 'agencies',
  'stops.txt': 'stops',
  'routes.txt': 'routes',
  'calendar.txt': 'calendar',
  'calendar_dates.txt': 'calendarDates',
  'shapes.txt': 'shapes',
  'trips.txt': 'trips',
  'stop_times.txt': 'stopTimes',
  'frequencies.txt': 'frequencies',
  'translations.txt': 'translations',
};

/** Fixed statements per table (no SQL built from names at run time). */
const DELETE_SQL: Record<(typeof FEED_TABLES)[number], string> = {
  gtfs_frequencies: 'DELETE FROM gtfs_frequencies WHERE feed_id = $1',
  gtfs_stop_times: 'DELETE FROM gtfs_stop_times WHERE feed_id = $1',
  gtfs_trips: 'DELETE FROM gtfs_trips WHERE feed_id = $1',
  gtfs_shapes: 'DELETE FROM gtfs_shapes WHERE feed_id = $1',
  gtfs_calendar_dates: 'DELETE FROM gtfs_calendar_dates WHERE feed_id = $1',
  gtfs_calendar: 'DELETE FROM gtfs_calendar WHERE feed_id = $1',
  gtfs_routes: 'DELETE FROM gtfs_routes WHERE feed_id = $1',
  gtfs_stops: 'DELETE FROM gtfs_stops WHERE feed_id = $1',
  gtfs_agencies: 'DELETE FROM gtfs_agencies WHERE feed_id = $1',
};
