// Reads a closed segment file once: size, SHA-256 and header, for its index row.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { forEachChunk } from '../lib/file-chunks';
import { readMp4Header, type Mp4Header } from './mp4-boxes';
import { TopLevelBoxes, segmentTiming, type SegmentTiming } from './mp4-fragments';

export interface SegmentFileInfo extends Mp4Header {
  bytes: number;
  sha256: string;
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
 * SHA-256 and size of a whole file, and its media timing where its fragments allow (see mp4-fragments.ts), in one
 * streamed read: an export checks every segment's hash and needs its timing too.
 */
export async function hashFile(
  file: string,
): Promise<{ sha256: string; bytes: number; timing: SegmentTiming | null }> {
  const hash = createHash('sha256');
  const boxes = new TopLevelBoxes();
  let readable = true;
  const bytes = await forEachChunk(file, (chunk) => {
    hash.update(chunk);
    if (!readable) return;
    try {
      boxes.push(chunk);
    } catch {
      readable = false; // not an MP4 this reader follows: the hash still counts, ffprobe gives the timing
    }
  });
  const timing = readable && boxes.complete ? segmentTiming(boxes.collected) : null;
  return { sha256: hash.digest('hex'), bytes, timing };
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
  const { sha256, bytes } = await hashFile(file);
  return { ...header, sha256, bytes };
}
