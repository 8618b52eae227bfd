// PackageSource over a Blob or File (zip.js): reads entry by entry with incremental SHA-256, never holding a video whole.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BlobReader, ZipReader, type Entry } from '@zip.js/zip.js';
import type { PackageSource } from './verify-package';

export interface BlobZipSourceOptions {
  /** Called while an entry is hashed, for a progress bar on multi-GB files. */
  onProgress?: (name: string, bytesDone: number, bytesTotal: number) => void;
  /** Cancels reading (the page was left or the user chose another file). */
  signal?: AbortSignal;
}

export interface BlobZipSource extends PackageSource {
  close(): Promise<void>;
}

/** readText/readBytes are for the envelope; anything bigger is refused rather than buffered. */
export const SMALL_ENTRY_LIMIT = 16 * 1024 * 1024;

/** Opens the zip in `blob` and reads its central directory; throws when it is not a readable zip. */
export async function openBlobZipSource(
  blob: Blob,
  options: BlobZipSourceOptions = {},
): Promise<BlobZipSource> {
  const reader = new ZipReader(new BlobReader(blob), {
    // Hashing runs on this thread anyway, and workers would need bundler setup for a few small deflated entries.
    useWebWorkers: false,
    // Report unsafe names ourselves instead of failing the whole read, and decode legacy names as yauzl does.
    filenameValidation: 'tolerant',
    filenameEncoding: 'cp437',
  });
  const entries: Entry[] = await reader.getEntries();
  const { onProgress, signal } = options;

  const find = (name: string): Entry => {
    const entry = entries.find((candidate) => candidate.filename === name);
    if (entry === undefined) throw new Error(`No entry named ${name}`);
    return entry;
  };

  /** Streams the entry's content to `sink`; a directory entry has none. */
  const pump = async (entry: Entry, sink: (chunk: Uint8Array) => void): Promise<void> => {
    if (entry.directory) return;
    await entry.getData(
      new WritableStream<Uint8Array>({ write: sink }),
      signal === undefined ? {} : { signal },
    );
  };

  const readBytes = async (name: string): Promise<Uint8Array> => {
    const entry = find(name);
    const tooBig = () => new Error(`${name} is larger than ${SMALL_ENTRY_LIMIT} bytes`);
    if (entry.uncompressedSize > SMALL_ENTRY_LIMIT) throw tooBig();
    const chunks: Uint8Array[] = [];
    let total = 0;
    await pump(entry, (chunk) => {
      total += chunk.length;
      // The declared size can lie; stop reading a bomb early either way.
      if (total > SMALL_ENTRY_LIMIT) throw tooBig();
      chunks.push(chunk.slice());
    });
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  };

  return {
    names: () => entries.map((entry) => entry.filename),
    readBytes,
    readText: async (name) => new TextDecoder().decode(await readBytes(name)),
    async sha256(name) {
      const entry = find(name);
      const hash = sha256.create();
      let bytes = 0;
      await pump(entry, (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
        onProgress?.(name, bytes, entry.uncompressedSize);
      });
      return { hex: bytesToHex(hash.digest()), bytes };
    },
    close: () => reader.close(),
  };
}
