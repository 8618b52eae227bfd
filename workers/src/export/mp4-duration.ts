// The video track's length of a faststart MP4, read from the moov at its head: what ffprobe reports as the stream's
// duration (the media header's duration over its timescale), without starting an ffprobe for every exported camera.
import { open } from 'node:fs/promises';
import { boxes, child, type Box } from '../record/mp4-boxes';

/** ftyp and moov of a 10-minute cut take about 200 KiB (sample tables); longer windows get a second, exact read. */
const FIRST_READ_BYTES = 512 * 1024;
/** A moov larger than this is not one the cut wrote (it would mean days of footage). */
const LARGEST_MOOV_BYTES = 64 * 1024 * 1024;

async function readAt(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const declaredSize = (data: Buffer, box: Box): number => {
  const size = data.readUInt32BE(box.start);
  return size === 1 ? Number(data.readBigUInt64BE(box.start + 8)) : size;
};

/** Seconds of the first video track in `moov`, or null when it has none or its header is not one this reader knows. */
function videoSeconds(data: Buffer, moov: Box): number | null {
  for (const trak of boxes(data, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(data, trak, 'mdia');
    const hdlr = mdia && child(data, mdia, 'hdlr');
    // hdlr: version/flags (4), pre_defined (4), handler type (4)
    if (!mdia || !hdlr || data.toString('latin1', hdlr.body + 8, hdlr.body + 12) !== 'vide') continue;
    const mdhd = child(data, mdia, 'mdhd');
    if (!mdhd) return null;
    // mdhd version 0: flags, creation, modification (4 each), timescale (4), duration (4); version 1: 8-byte times.
    const version = data[mdhd.body];
    const wide = version === 1;
    if (version !== 0 && !wide) return null;
    const timescale = data.readUInt32BE(mdhd.body + (wide ? 20 : 12));
    const duration = wide ? Number(data.readBigUInt64BE(mdhd.body + 24)) : data.readUInt32BE(mdhd.body + 16);
    return timescale > 0 ? duration / timescale : null;
  }
  return null;
}

/**
 * The video track's seconds of a file whose moov comes first (`-movflags +faststart`), or null when the file is not
 * laid out so (the caller then asks ffprobe).
 */
export async function faststartVideoSeconds(file: string): Promise<number | null> {
  let data = await readAt(file, FIRST_READ_BYTES);
  const top = [...boxes(data, 0, data.length)];
  const moov = top.slice(0, 3).find((box) => box.type === 'moov');
  if (!moov) return null;
  // boxes() clips a box that runs past the read: read again up to its declared end.
  const declaredEnd = moov.start + declaredSize(data, moov);
  if (declaredEnd > moov.end) {
    if (declaredEnd > LARGEST_MOOV_BYTES) return null;
    data = await readAt(file, declaredEnd);
    if (data.length < declaredEnd) return null;
    return videoSeconds(data, { ...moov, end: declaredEnd });
  }
  return videoSeconds(data, moov);
}
