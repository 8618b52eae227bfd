// Opens a GTFS feed as a set of named text files: a .zip (streamed with yauzl, from a path or a buffer) or a folder.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface GtfsSource {
  /** Lower-case file names present, e.g. "stops.txt". */
  readonly files: ReadonlySet<string>;
  open(file: string): Promise<Readable>;
  close(): void;
}

/** A path ending in .zip, a folder, or the bytes of an uploaded zip. */
export async function openGtfsSource(input: string | Buffer): Promise<GtfsSource> {
  if (Buffer.isBuffer(input))
    return openZip(
      await promisified<yauzl.ZipFile>((done) => yauzl.fromBuffer(input, { lazyEntries: true }, done)),
    );
  const info = await stat(input);
  if (info.isDirectory()) return openFolder(input);
  return openZip(
    await promisified<yauzl.ZipFile>((done) =>
      yauzl.open(input, { lazyEntries: true, autoClose: false }, done),
    ),
  );
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
async function openZip(zip: yauzl.ZipFile): Promise<GtfsSource> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const base = path.posix.basename(entry.fileName).toLowerCase();
      if (!entry.fileName.endsWith('/') && base.endsWith('.txt') && !entries.has(base))
        entries.set(base, entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
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
