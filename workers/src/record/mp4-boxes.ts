// Reads what the index needs from a fragmented MP4's header: the header's length (the HLS map), codec and picture size.
// Hand-written because it is a few box lookups in the first kilobytes; a general MP4 parser would read far more.

export interface Mp4Header {
  /** Bytes of the ftyp and moov boxes at the start of the file. */
  initBytes: number;
  /** Sample entry of the video track: avc1, hvc1, hev1, … */
  codec: string;
  width: number;
  height: number;
  /** A moof box follows the header: the file holds at least the start of one fragment. */
  hasFragment: boolean;
}

export interface Box {
  type: string;
  start: number;
  /** Offset just after the box header. */
  body: number;
  end: number;
}

/** The boxes directly inside [from, to); stops at a box that runs past `to` (a file cut short). */
export function* boxes(data: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > to) return;
      size = Number(data.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) {
      size = to - at; // runs to the end of the enclosing box
    }
    if (size < body - at) return;
    yield { type, start: at, body, end: Math.min(at + size, to) };
    if (at + size > to) return;
    at += size;
  }
}

export const child = (data: Buffer, parent: Box, type: string) =>
  [...boxes(data, parent.body, parent.end)].find((b) => b.type === type);

function videoTrack(data: Buffer, moov: Box): { codec: string; width: number; height: number } | null {
  for (const trak of boxes(data, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(data, trak, 'mdia');
    const hdlr = mdia && child(data, mdia, 'hdlr');
    // hdlr: version/flags (4), pre_defined (4), handler type (4)
    if (!hdlr || data.toString('latin1', hdlr.body + 8, hdlr.body + 12) !== 'vide') continue;
    const minf = child(data, mdia, 'minf');
    const stbl = minf && child(data, minf, 'stbl');
    const stsd = stbl && child(data, stbl, 'stsd');
    const tkhd = child(data, trak, 'tkhd');
    if (!stsd || !tkhd) return null;
    // stsd: version/flags (4), entry count (4), then the first sample entry's size (4) and type (4)
    const codec = data.toString('latin1', stsd.body + 12, stsd.body + 16);
    // tkhd ends with width and height as 16.16 fixed point
    const width = data.readUInt32BE(tkhd.end - 8) >>> 16;
    const height = data.readUInt32BE(tkhd.end - 4) >>> 16;
    return { codec, width, height };
  }
  return null;
}

/** Parses the start of a segment file; null when it is not a readable fragmented MP4 (a corrupt or empty segment). */
export function readMp4Header(data: Buffer): Mp4Header | null {
  let moov: Box | undefined;
  let hasFragment = false;
  let initBytes = 0;
  for (const box of boxes(data, 0, data.length)) {
    if (box.type === 'moov') {
      moov = box;
      initBytes = box.end;
    } else if (box.type === 'moof') {
      hasFragment = true;
      break;
    }
  }
  if (!moov || moov.end > data.length) return null;
  const track = videoTrack(data, moov);
  if (!track || !track.width || !track.height) return null;
  return { initBytes, ...track, hasFragment };
}
