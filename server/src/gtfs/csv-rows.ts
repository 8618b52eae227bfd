// Streams the rows of one GTFS CSV file as {column name → value} with their 1-based line numbers (header = line 1).
import type { Readable } from 'node:stream';
import { CsvReadError, readCsvRecords } from '../lib/csv-records';
import type { Rejection } from './gtfs-fields';
import { GtfsFeedError } from './gtfs-feed-error';

export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

/** Each record by column name; rows the CSV syntax breaks go to `onBad` (see readCsvRecords). */
export async function* readCsvRows(
  file: string,
  input: Readable,
  onBad: (line: number, rejection: Rejection) => void,
): AsyncGenerator<CsvRow> {
  try {
    for await (const { line, header, values } of readCsvRecords(file, input, onBad)) {
      const fields: Record<string, string> = {};
      header.forEach((name, i) => (fields[name] = values[i] ?? ''));
      yield { line, fields };
    }
  } catch (error) {
    if (error instanceof CsvReadError) throw new GtfsFeedError(error.message, error.messageTh);
    throw error;
  }
}
