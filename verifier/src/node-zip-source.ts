// PackageSource over a zip file on disk (yauzl): entries are streamed from the file, never loaded whole.
import { createHash } from 'node:crypto';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { PackageSource } from './verify-package';

export interface NodeZipSource extends PackageSource {
  close(): void;
}

/** readText/readBytes are for the envelope; anything bigger is refused rather than buffered. */
export const SMALL_ENTRY_LIMIT = 16 * 1024 * 1024;

/** The entry name as stored: yauzl's own decoding rewrites backslashes and rejects unsafe names, which we must see. */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

async function readAllEntries(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const entry of zip.eachEntry()) entries.push(entry);
  return entries;
}

/** Opens `zipPath` and reads its central directory; throws when the file is not a readable zip. */
export async function openNodeZipSource(zipPath: string): Promise<NodeZipSource> {
  // decodeStrings: false so that names yauzl would refuse (absolute, `..`) are reported instead of aborting the read.
  const zip = await yauzl.openPromise(zipPath, {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: false,
    validateEntrySizes: true,
  });
  let entries: { name: string; entry: Entry }[];
  try {
    entries = (await readAllEntries(zip)).map((entry) => ({ name: entryName(entry), entry }));
  } catch (error) {
    zip.close();
    throw error;
  }

  const find = (name: string): Entry => {
    const found = entries.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`No entry named ${name}`);
    return found.entry;
  };

  const readBytes = async (name: string): Promise<Uint8Array> => {
    const entry = find(name);
    if (entry.uncompressedSize > SMALL_ENTRY_LIMIT)
      throw new Error(`${name} is larger than ${SMALL_ENTRY_LIMIT} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      total += (chunk as Buffer).length;
      // The declared size can lie; stop reading a bomb early either way.
      if (total > SMALL_ENTRY_LIMIT) throw new Error(`${name} is larger than ${SMALL_ENTRY_LIMIT} bytes`);
      chunks.push(chunk as Buffer);
    }
    return new Uint8Array(Buffer.concat(chunks));
  };

  return {
    names: () => entries.map((candidate) => candidate.name),
    readBytes,
    readText: async (name) => new TextDecoder().decode(await readBytes(name)),
    async sha256(name) {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of await zip.openReadStreamPromise(find(name))) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      return { hex: hash.digest('hex'), bytes };
    },
    close: () => zip.close(),
  };
}
