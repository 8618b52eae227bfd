// Imports a crash file (a DOH/MOT accident CSV or the fatal-crash GeoJSON) into the crash store: every readable row in
// one transaction, rejected rows reported by line, the import recorded with its counts, new crashes snapped to roads;
// a file that cannot be read as its source changes nothing.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { withTransaction } from '../db/transaction';
import { CsvReadError, readCsvRecords } from '../lib/csv-records';
import {
  analyzeCrashTables,
  failCrashImport,
  finishCrashImport,
  insertCrashImport,
  snapUnsnappedCrashes,
  upsertCrashes,
  type ImportRowCounts,
} from '../repositories/crashes.repository';
import { CrashImportError, type CrashRecord, type RowRejection } from './crash-record';
import { mapDohHeader, type DohColumns } from './doh/doh-columns';
import { parseDohRow } from './doh/doh-row';
import { readFatalPoints } from './fatal-points';
import { SNAP_DISTANCE_M } from './snap-distance';

export type CrashFileSource = 'doh_csv' | 'fatal_points';

/** Crashes written per statement. */
const BATCH_ROWS = 1_000;
/** Rejected rows kept with the import (the counts cover all of them). */
const REJECTIONS_KEPT = 500;

export interface CrashImportProgress {
  rowsRead: number;
  rejected: number;
}

export interface CrashImportInput {
  file: string;
  /** The name to record (an upload's original name); the file's own name otherwise. */
  fileName?: string;
  /** From the file's extension when not given: `.csv` → doh_csv, `.geojson`/`.json` → fatal_points. */
  source?: CrashFileSource;
  user: { id: number | null; username: string };
  onProgress?: (progress: CrashImportProgress) => void;
}

export interface CrashImportReport {
  importId: number;
  source: CrashFileSource;
  counts: ImportRowCounts;
  /** The first rejected rows, by line. */
  rejections: RowRejection[];
  snapped: number;
}

export function sourceOfFile(fileName: string): CrashFileSource {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.csv') return 'doh_csv';
  if (extension === '.geojson' || extension === '.json') return 'fatal_points';
  throw new CrashImportError(
    `${fileName}: a crash file is a DOH/MOT table (.csv) or the fatal-crash points (.geojson)`,
    `${fileName}: ไฟล์อุบัติเหตุต้องเป็นตาราง กรมทางหลวง/คมนาคม (.csv) หรือจุดอุบัติเหตุถึงแก่ชีวิต (.geojson)`,
  );
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A source row with its line (a feature's place for GeoJSON): a crash or why not. */
interface SourceRow {
  line: number;
  read: CrashRecord | RowRejection;
}

/** The DOH table's rows; the header is mapped first (a CrashImportError when it cannot be). */
async function* dohRows(file: string, onBad: (rejection: RowRejection) => void): AsyncGenerator<SourceRow> {
  let columns: DohColumns | null = null;
  try {
    for await (const { line, header, values } of readCsvRecords(
      path.basename(file),
      createReadStream(file),
      (at, problem) => onBad({ line: at, ...problem }),
    )) {
      columns ??= mapDohHeader([...header]);
      const parsed = parseDohRow(values, columns, line);
      yield { line, read: 'crash' in parsed ? parsed.crash : parsed.rejection };
    }
  } catch (error) {
    if (error instanceof CsvReadError) throw new CrashImportError(error.message, error.messageTh);
    throw error;
  }
}

async function* fatalRows(file: string): AsyncGenerator<SourceRow> {
  const points = readFatalPoints(await readFile(file, 'utf8'));
  for (const [index, read] of points.entries()) yield { line: index + 1, read };
}

/**
 * Imports the file. Throws CrashImportError when the file cannot be read as its source (nothing is written, the
 * import is recorded as failed with the reason); rows it cannot read are rejected by line and the rest imports.
 */
export async function importCrashFile(pool: pg.Pool, input: CrashImportInput): Promise<CrashImportReport> {
  const fileName = input.fileName ?? path.basename(input.file);
  const source = input.source ?? sourceOfFile(fileName);
  const record = {
    source,
    fileName,
    fileSha256: await sha256OfFile(input.file),
    userId: input.user.id,
    username: input.user.username,
  };
  const counts: ImportRowCounts = { read: 0, added: 0, updated: 0, same: 0, rejected: 0 };
  const rejections: RowRejection[] = [];
  const reject = (rejection: RowRejection) => {
    counts.rejected += 1;
    if (rejections.length < REJECTIONS_KEPT) rejections.push(rejection);
  };
  let importId = 0;
  try {
    const snapped = await withTransaction(pool, async (client) => {
      // Recorded in the import's own transaction: a file refused as unreadable leaves no trace but the reply.
      importId = await insertCrashImport(client, record);
      // A key twice in one file: the first row stands, the later one is named (one statement cannot write a key twice).
      const lineOfKey = new Map<string, number>();
      let batch: CrashRecord[] = [];
      const flush = async () => {
        const written = await upsertCrashes(client, importId, batch);
        counts.added += written.added;
        counts.updated += written.updated;
        counts.same += written.same;
        batch = [];
        input.onProgress?.({ rowsRead: counts.read, rejected: counts.rejected });
      };
      const badSyntax = (rejection: RowRejection) => {
        counts.read += 1;
        reject(rejection);
      };
      const rows = source === 'doh_csv' ? dohRows(input.file, badSyntax) : fatalRows(input.file);
      for await (const { line, read: row } of rows) {
        counts.read += 1;
        if ('reason' in row) {
          reject(row);
          continue;
        }
        const earlier = lineOfKey.get(row.sourceKey);
        if (earlier !== undefined) {
          reject({
            line,
            reason: `the same record key (${row.sourceKey}) as line ${earlier}`,
            reasonTh: `รหัสรายการ (${row.sourceKey}) ซ้ำกับบรรทัด ${earlier}`,
          });
          continue;
        }
        lineOfKey.set(row.sourceKey, line);
        batch.push(row);
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      const onRoads = await snapUnsnappedCrashes(client, SNAP_DISTANCE_M);
      await finishCrashImport(client, importId, counts, rejections);
      return onRoads;
    });
    if (counts.added + counts.updated > 0) await analyzeCrashTables(pool);
    rejections.sort((a, b) => a.line - b.line);
    return { importId, source, counts, rejections, snapped };
  } catch (error) {
    // A system failure (not the file's fault) is kept with its reason for whoever looks into it.
    if (!(error instanceof CrashImportError)) {
      const failed = await insertCrashImport(pool, record);
      await failCrashImport(pool, failed, {
        message: `The import stopped: ${(error as Error).message}`,
        messageTh: 'การนำเข้าหยุดกลางคันเนื่องจากข้อผิดพลาดของระบบ',
      });
    }
    throw error;
  }
}
