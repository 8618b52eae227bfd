// Opens a GTFS feed as a set of named text files: a .zip (streamed with yauzl, from a path or a buffer) or a folder.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { GtfsFeedError } from './gtfs-feed-error';

/**
 * Limits against a zip bomb, checked from the central directory before a byte is inflated (yauzl then refuses an
 * entry that inflates past its declared size). A real feed's text compresses 5–20×; 20 MB of zeros compresses 1000×.
 */
export interface ZipLimits {
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 2 * 1024 ** 3, maxCompressionRatio: 200 };

export interface GtfsSource {
  /** Lower-case file names present, e.g. "stops.txt". */
  readonly files: ReadonlySet<string>;
  open(file: string): Promise<Readable>;
  close(): void;
}

/** A path ending in .zip, a folder, or the bytes of an uploaded zip. */
export async function openGtfsSource(input: string | Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<GtfsSource> {
  if (Buffer.isBuffer(input))
    return openZip(
      await promisified<yauzl.ZipFile>((done) => yauzl.fromBuffer(input, { lazyEntries: true }, done)),
      limits,
    );
  const info = await stat(input);
  if (info.isDirectory()) return openFolder(input);
  return openZip(
    await promisified<yauzl.ZipFile>((done) =>
      yauzl.open(input, { lazyEntries: true, autoClose: false }, done),
    ),
    limits,
  );
}

function checkEntry(entry: yauzl.Entry, limits: ZipLimits): void {
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
    throw new GtfsFeedError(
      `${entry.fileName} inflates ${Math.round(ratio)}× (at most ${limits.maxCompressionRatio}×): not a GTFS text file`,
      `ไฟล์ ${entry.fileName} ขยายตัว ${Math.round(ratio)} เท่า (ไม่เกิน ${limits.maxCompressionRatio} เท่า) ไม่ใช่ไฟล์ข้อความ GTFS`,
    );
  }
}

function promisified<T>(start: (done: (error: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((error, value) => (error ? reject(error) : resolve(value as T))),
  );
}

async function openFolder(dir: string): Promise<GtfsSource> {
  const names = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
      names.set(entry.name.toLowerCase(), entry.name);
  }
  return {
    files: new Set(names.keys()),
    open: async (file) => createReadStream(path.join(dir, names.get(file) ?? file)),
    close: () => undefined,
  };
}

/** Reads the central directory once; files inside one sub-folder (a common packaging slip) are found by base name. */
async function openZip(zip: yauzl.ZipFile, limits: ZipLimits): Promise<GtfsSource> {
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const base = path.posix.basename(entry.fileName).toLowerCase();
        if (!entry.fileName.endsWith('/') && base.endsWith('.txt') && !entries.has(base)) {
          try {
            checkEntry(entry, limits);
          } catch (error) {
            return reject(error);
          }
          entries.set(base, entry);
          total += entry.uncompressedSize;
        }
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', reject);
      zip.readEntry();
    });
    if (total > limits.maxUncompressedBytes) {
      const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
      throw new GtfsFeedError(
        `The feed's files hold ${mb(total)} uncompressed; at most ${mb(limits.maxUncompressedBytes)}`,
        `ไฟล์ในชุดข้อมูลมีขนาด ${mb(total)} เมื่อขยาย เกินกว่า ${mb(limits.maxUncompressedBytes)}`,
      );
    }
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    files: new Set(entries.keys()),
    open: (file) => {
      const entry = entries.get(file);
      if (!entry) return Promise.reject(new Error(`${file} is not in the zip`));
      return promisified<Readable>((done) => zip.openReadStream(entry, done));
    },
    close: () => zip.close(),
  };
}
