// A zip kept as its parts: each large entry's bytes as its own file, every other byte of the zip (headers, small
// entries, central directory) in one frame file, and a layout listing the pieces in order. Served as the one zip it
// describes, so an evidence export writes each video once instead of copying it into a zip.
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { resolveInside } from './atomic-file';

export const STORED_ZIP_FORMAT = 'toc-stored-zip/1';
/** Names inside a stored zip's folder; content files are under `content/` by their entry name. */
export const STORED_ZIP_FILES = {
  layout: 'zip-layout.json',
  frame: 'zip-frame.bin',
  content: 'content',
} as const;

export type StoredZipPiece =
  { kind: 'frame'; offset: number; bytes: number } | { kind: 'file'; path: string; bytes: number };

export interface StoredZipLayout {
  format: typeof STORED_ZIP_FORMAT;
  /** The whole zip's size and SHA-256, as served. */
  bytes: number;
  sha256: string;
  pieces: StoredZipPiece[];
}

/** A stored zip that is missing, damaged or changed since it was written. */
export class StoredZipError extends Error {
  override readonly name = 'StoredZipError';
}

export interface OpenedStoredZip {
  bytes: number;
  sha256: string;
  /** The zip's bytes in order; errors if a piece has shrunk since it was opened. */
  stream(): Readable;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isPiece(value: unknown): value is StoredZipPiece {
  const piece = value as Partial<Record<'kind' | 'offset' | 'bytes' | 'path', unknown>> | null;
  if (!piece || !isCount(piece.bytes)) return false;
  if (piece.kind === 'frame') return isCount(piece.offset);
  return piece.kind === 'file' && typeof piece.path === 'string';
}

function parseLayout(text: string): StoredZipLayout {
  let layout: Partial<StoredZipLayout> | null;
  try {
    layout = JSON.parse(text) as Partial<StoredZipLayout> | null;
  } catch {
    layout = null;
  }
  const pieces = layout?.pieces;
  if (
    layout?.format !== STORED_ZIP_FORMAT ||
    !isCount(layout.bytes) ||
    typeof layout.sha256 !== 'string' ||
    !Array.isArray(pieces) ||
    !pieces.every(isPiece) ||
    pieces.reduce((sum, piece) => sum + piece.bytes, 0) !== layout.bytes
  ) {
    throw new StoredZipError('the layout is not a stored zip layout or does not add up');
  }
  return layout as StoredZipLayout;
}

const sizeOf = (file: string) =>
  stat(file).then(
    (info) => (info.isFile() ? info.size : null),
    () => null,
  );

/** Where a piece's bytes are: the file and the offset in it. */
function pieceSource(dir: string, piece: StoredZipPiece): { file: string; start: number } {
  if (piece.kind === 'frame') return { file: path.join(dir, STORED_ZIP_FILES.frame), start: piece.offset };
  return { file: resolveInside(path.join(dir, STORED_ZIP_FILES.content), piece.path), start: 0 };
}

async function* pieceBytes(dir: string, pieces: readonly StoredZipPiece[]): AsyncGenerator<Buffer> {
  for (const piece of pieces) {
    if (piece.bytes === 0) continue;
    const { file, start } = pieceSource(dir, piece);
    let read = 0;
    for await (const chunk of createReadStream(file, {
      start,
      end: start + piece.bytes - 1,
      highWaterMark: 1 << 20,
    })) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (read !== piece.bytes)
      throw new StoredZipError(`${path.basename(file)} is shorter than when it was stored`);
  }
}

/**
 * Opens the stored zip in `dir` after checking that its layout is whole and every piece is there at its size (a
 * missing or changed part is a StoredZipError, before any byte is served).
 */
export async function openStoredZip(dir: string): Promise<OpenedStoredZip> {
  const text = await readFile(path.join(dir, STORED_ZIP_FILES.layout), 'utf8').catch(() => {
    throw new StoredZipError('the layout file is missing');
  });
  const layout = parseLayout(text);
  const frameBytes = await sizeOf(path.join(dir, STORED_ZIP_FILES.frame));
  for (const piece of layout.pieces) {
    if (piece.kind === 'frame') {
      if (frameBytes === null || piece.offset + piece.bytes > frameBytes)
        throw new StoredZipError('the frame file is missing or short');
      continue;
    }
    let file: string;
    try {
      file = pieceSource(dir, piece).file;
    } catch {
      throw new StoredZipError(`"${piece.path}" is not a path inside the stored zip`);
    }
    if ((await sizeOf(file)) !== piece.bytes)
      throw new StoredZipError(`"${piece.path}" is missing or changed`);
  }
  return {
    bytes: layout.bytes,
    sha256: layout.sha256,
    stream: () => Readable.from(pieceBytes(dir, layout.pieces), { objectMode: false }),
  };
}

/** Writes the stored zip in `dir` out as one zip file (a copy to hand over, and what tests read). */
export async function saveStoredZip(dir: string, zipPath: string): Promise<void> {
  const opened = await openStoredZip(dir);
  await pipeline(opened.stream(), createWriteStream(zipPath));
}
