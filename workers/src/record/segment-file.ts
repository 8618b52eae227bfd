// Reads a closed segment file once: size, SHA-256 and header, for its index row.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { forEachChunk } from '../lib/file-chunks';
import { readMp4Header, type Mp4Header } from './mp4-boxes';
import { TopLevelBoxes, segmentTiming } from './mp4-fragments';

export interface SegmentFileInfo extends Mp4Header {
  bytes: number;
  sha256: string;
  /** The file ends inside a fragment (the volume filled as it was written, or a crash): its last media is partial. */
  cutShort: boolean;
  /** Seconds of the whole fragments of a file cut short (0: none), where its boxes tell (else null). */
  wholeS: number | null;
}

/** Enough for ftyp and moov of any camera stream (a few kilobytes in practice). */
const HEADER_READ_BYTES = 256 * 1024;

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_READ_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * SHA-256 and size of a whole file, and whether it ends inside a fragment (with the seconds of its whole fragments
 * then), in one streamed read.
 */
export async function hashFile(file: string): Promise<{
  sha256: string;
  bytes: number;
  cutShort: boolean;
  wholeS: number | null;
}> {
  const hash = createHash('sha256');
  const boxes = new TopLevelBoxes();
  let readable = true;
  const bytes = await forEachChunk(file, (chunk) => {
    hash.update(chunk);
    if (!readable) return;
    try {
      boxes.push(chunk);
    } catch {
      readable = false; // not an MP4 this reader follows: the hash still counts
    }
  });
  // A fragment's media follows its moof: one without all of it (or none) is the file being cut short.
  const isMoof = (box: Buffer) => box.toString('latin1', 4, 8) === 'moof';
  const moofs = boxes.collected.filter(isMoof).length;
  const cutShort = readable && (!boxes.complete || moofs > boxes.mediaBoxes);
  let kept = 0;
  const whole = boxes.collected.filter((box) => !isMoof(box) || ++kept <= boxes.mediaBoxes);
  const wholeS = !cutShort ? null : boxes.mediaBoxes === 0 ? 0 : (segmentTiming(whole)?.durationS ?? null);
  return { sha256: hash.digest('hex'), bytes, cutShort, wholeS };
}

function isFileTypeOnly(head: Buffer): boolean {
  if (head.length < 8) return true;
  return head.toString('latin1', 4, 8) === 'ftyp' && head.readUInt32BE(0) >= head.length;
}

/** The file's facts, or the reason it cannot be indexed as footage. */
export async function readSegmentFile(
  file: string,
): Promise<SegmentFileInfo | { corrupt: string; empty: boolean }> {
  const head = await readHead(file);
  const header = readMp4Header(head);
  // Killed as the segment opened: ffmpeg had written its file-type box at most. Nothing was lost, there was nothing yet.
  if (!header && isFileTypeOnly(head))
    return { corrupt: 'no footage yet: only the file-type box was written', empty: true };
  if (!header) return { corrupt: 'no readable MP4 header (ftyp/moov with a video track)', empty: false };
  // A run that ended just as a segment opened: nothing was lost, there was nothing yet.
  if (!header.hasFragment) return { corrupt: 'header only: no fragment of video was written', empty: true };
  const { sha256, bytes, cutShort, wholeS } = await hashFile(file);
  return { ...header, sha256, bytes, cutShort, wholeS };
}
