// A package file's SHA-256 (for the manifest) and CRC-32 (for the zip) in one read, taken as soon as the file exists:
// the manifest can then be signed and the letter printed while the package is still being written.
import { createHash } from 'node:crypto';
import { forEachChunk } from '../lib/file-chunks';
import { zipCrc32 } from './zip-crc';

export interface FileDigest {
  bytes: number;
  sha256: string;
  /** As zip stores it: unsigned. */
  crc32: number;
}

export async function digestFile(file: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let crc = 0;
  const bytes = await forEachChunk(file, (chunk) => {
    hash.update(chunk);
    crc = zipCrc32(chunk, crc);
  });
  return { bytes, sha256: hash.digest('hex'), crc32: crc };
}
