// Streams the records of a CSV file with their 1-based line numbers (header = line 1), via csv-parse: the shared
// reader of the importers (GTFS feeds, crash tables), which report a rejected row by its line.
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface CsvRecord {
  line: number;
  /** The header's names, trimmed (the same array for every record). */
  header: readonly string[];
  /** The record's fields; never more than the header has (such a row is rejected), fewer when the row is short. */
  values: string[];
}

/** A CSV row the syntax breaks, or one with more fields than the header. */
export interface CsvRowProblem {
  reason: string;
  reasonTh: string;
}

/** The file cannot be read on after `line` (a damaged stream, a lost file): what was read may be incomplete. */
export class CsvReadError extends Error {
  constructor(
    message: string,
    readonly messageTh: string,
  ) {
    super(message);
    this.name = 'CsvReadError';
  }
}

/**
 * csv-parse counts a CRLF inside a quoted field as two lines; turning CRLF into LF first keeps the line numbers
 * exact (a lone CR, as old Mac files have, is left for csv-parse to detect).
 */
function crlfToLf(): Transform {
  let carry = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = carry + chunk.toString('latin1');
      carry = text.endsWith('\r') ? '\r' : '';
      done(null, Buffer.from((carry ? text.slice(0, -1) : text).replace(/\r\n/g, '\n'), 'latin1'));
    },
    flush(done) {
      done(null, carry ? Buffer.from(carry, 'latin1') : null);
    },
  });
}

/** Far above any real row (a long GTFS shape or a crash record is a few hundred bytes); a file without line breaks stops here. */
export const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Yields each record after the header. Rows the CSV syntax breaks (a stray quote, more fields than the header) are
 * passed to `onBad` with their line and skipped; the rest of the file still reads. A byte-order mark is dropped.
 */
export async function* readCsvRecords(
  file: string,
  input: Readable,
  onBad: (line: number, problem: CsvRowProblem) => void,
): AsyncGenerator<CsvRecord> {
  let lastSkipped = -1;
  const parser = input.pipe(crlfToLf()).pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = Number((error as { lines?: number } | undefined)?.lines ?? 0);
        // An over-long record fails once per max_record_size chunk: one rejection per line is enough.
        if (line === lastSkipped) return undefined;
        lastSkipped = line;
        onBad(line, {
          reason: `CSV syntax: ${error?.message ?? 'unreadable row'}`,
          reasonTh: 'รูปแบบ CSV ไม่ถูกต้อง',
        });
        return undefined;
      },
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  let header: string[] | null = null;
  let lastLine = 0;
  // Only reading errors land here (a damaged zip entry, a lost file): errors of the caller's own work do not.
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      lastLine = info.lines;
      if (!header) {
        header = record.map((name) => name.trim());
        continue;
      }
      if (record.length > header.length) {
        onBad(info.lines, {
          reason: `${record.length} fields but the header has ${header.length}`,
          reasonTh: `มี ${record.length} ช่อง แต่หัวตารางมี ${header.length} ช่อง`,
        });
        continue;
      }
      yield { line: info.lines, header, values: record };
    }
  } catch (error) {
    throw new CsvReadError(
      `${file} cannot be read after line ${lastLine}: ${(error as Error).message}`,
      `อ่านไฟล์ ${file} ต่อจากบรรทัด ${lastLine} ไม่ได้`,
    );
  }
}
