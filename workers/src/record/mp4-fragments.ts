// A recorded segment's media timing and decoder configuration, read from its fragment boxes while it is hashed: the
// export then needs no ffprobe per segment (≈ 0.15 s each, most of it process start). Only the shape the recorder
// writes (one video track, no B-frame reordering, no edit list, contiguous fragments) is read here; anything else
// answers null and the caller asks ffprobe, so a value from here always equals ffprobe's.
import { createHash } from 'node:crypto';
import { boxes, child, type Box } from './mp4-boxes';

export interface SegmentTiming {
  /** First timestamp, seconds (ffprobe's format start_time). */
  startS: number;
  /** Seconds of media (ffprobe's format duration). */
  durationS: number;
  /** `h264 1280 720 SHA256:<hash of the avcC>`: the same text ffprobe's codec_name, width, height, extradata_hash give. */
  codecConfig: string;
  /** The video track's ticks per second. */
  timescale: number;
  /** Timestamps (ticks) of the keyframes, in order: where a stream-copy cut can start. */
  keyframeTicks: number[];
  /** Video samples (frames) in the segment. */
  sampleCount: number;
}

const CODEC_NAMES: Record<string, string> = { avc1: 'h264', avc3: 'h264', hvc1: 'hevc', hev1: 'hevc' };
const CONFIG_BOXES = new Set(['avcC', 'hvcC']);
/** VisualSampleEntry fields before its child boxes: 8 header + 6 reserved + 2 index + 70 visual fields. */
const VISUAL_ENTRY_FIELDS = 86;
const HEADER_BYTES = 16;

/**
 * Collects the top-level boxes of an MP4 as it streams past, except the media data (mdat), which it only counts.
 * `complete` is false when the stream ended inside a box (a segment cut short).
 */
export class TopLevelBoxes {
  readonly collected: Buffer[] = [];
  /** Media data boxes read to their end: the fragments (moof) before them have all their media. */
  mediaBoxes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes still to take (or skip) of the current box; 0 between boxes. */
  private remaining = 0;
  private skipping = false;

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        if (!this.skipping) this.keep(chunk.subarray(at, at + take));
        this.remaining -= take;
        at += take;
        if (this.remaining === 0) this.finishBox();
        continue;
      }
      // Gather the bytes a box header can take (16 with a 64-bit size), then decide.
      const take = Math.min(HEADER_BYTES - this.pendingBytes, chunk.length - at);
      this.keep(chunk.subarray(at, at + take));
      at += take;
      if (this.pendingBytes < HEADER_BYTES) continue;
      const head = Buffer.concat(this.pending);
      let size = head.readUInt32BE(0);
      if (size === 1) size = Number(head.readBigUInt64BE(8));
      if (size < 8) throw new Error('mp4: a top-level box runs to the end of the file or has no length');
      this.skipping = head.toString('latin1', 4, 8) === 'mdat';
      if (size <= HEADER_BYTES) {
        // A box shorter than a header: the bytes after it begin the next box.
        this.pending = [head.subarray(0, size)];
        this.finishBox();
        this.push(head.subarray(size));
      } else {
        this.remaining = size - HEADER_BYTES;
        if (this.skipping) this.reset();
      }
    }
  }

  get complete(): boolean {
    return this.remaining === 0 && this.pendingBytes === 0;
  }

  private keep(bytes: Buffer): void {
    // A copy: the caller may read the next chunk into the same buffer (only headers and small boxes are kept).
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
  }

  private finishBox(): void {
    if (!this.skipping) this.collected.push(Buffer.concat(this.pending));
    else this.mediaBoxes += 1;
    this.skipping = false;
    this.reset();
  }

  private reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
  }
}

const whole = (data: Buffer): Box => ({
  type: data.toString('latin1', 4, 8),
  start: 0,
  body: 8,
  end: data.length,
});
const path = (data: Buffer, from: Box, ...types: string[]): Box | undefined =>
  types.reduce<Box | undefined>((box, type) => box && child(data, box, type), from);
/** A full box's version (its first body byte); the fields after version and flags start at body + 4. */
const version = (data: Buffer, box: Box) => data[box.body]!;

interface VideoTrack {
  trackId: number;
  timescale: number;
  defaultDuration: number;
  /** trex's default sample flags: whether a sample is a keyframe when the fragment does not say. */
  defaultFlags: number;
  codecConfig: string;
}

/** sample_is_non_sync_sample (ISO/IEC 14496-12 §8.8.3): set on every sample that is not a keyframe. */
const NON_SYNC_SAMPLE = 0x10000;

function videoTrack(moov: Buffer): VideoTrack | null {
  const root = whole(moov);
  const traks = [...boxes(moov, root.body, root.end)].filter((b) => b.type === 'trak');
  if (traks.length !== 1) return null; // ffprobe's format times then span several streams
  const trak = traks[0]!;
  if (child(moov, trak, 'edts')) return null; // an edit list shifts the timeline
  const tkhd = child(moov, trak, 'tkhd');
  const mdhd = path(moov, trak, 'mdia', 'mdhd');
  const hdlr = path(moov, trak, 'mdia', 'hdlr');
  const stsd = path(moov, trak, 'mdia', 'minf', 'stbl', 'stsd');
  if (!tkhd || !mdhd || !hdlr || !stsd) return null;
  if (moov.toString('latin1', hdlr.body + 8, hdlr.body + 12) !== 'vide') return null;
  const trackId = moov.readUInt32BE(tkhd.body + (version(moov, tkhd) === 1 ? 20 : 12));
  const timescale = moov.readUInt32BE(mdhd.body + (version(moov, mdhd) === 1 ? 20 : 12));
  // stsd: version/flags (4) and entry count (4), then the first sample entry.
  const entry = [...boxes(moov, stsd.body + 8, stsd.end)][0];
  const codecName = entry && CODEC_NAMES[entry.type];
  if (!entry || !codecName || !timescale) return null;
  const width = moov.readUInt16BE(entry.start + 32);
  const height = moov.readUInt16BE(entry.start + 34);
  const config = [...boxes(moov, entry.start + VISUAL_ENTRY_FIELDS, entry.end)].find((b) =>
    CONFIG_BOXES.has(b.type),
  );
  if (!config) return null;
  const configHash = createHash('sha256').update(moov.subarray(config.body, config.end)).digest('hex');
  const trex = [...boxes(moov, root.body, root.end)]
    .filter((b) => b.type === 'mvex')
    .flatMap((mvex) => [...boxes(moov, mvex.body, mvex.end)])
    .find((b) => b.type === 'trex' && moov.readUInt32BE(b.body + 4) === trackId);
  return {
    trackId,
    timescale,
    defaultDuration: trex ? moov.readUInt32BE(trex.body + 12) : 0,
    defaultFlags: trex ? moov.readUInt32BE(trex.body + 20) : 0,
    codecConfig: `${codecName} ${width} ${height} SHA256:${configHash}`,
  };
}

interface Fragment {
  decodeTime: number;
  ticks: number;
  /** Decode times of its keyframes (without reordering, also their presentation times). */
  keyframeTicks: number[];
  samples: number;
}

/** One fragment's decode time, length and keyframes in ticks; null for a shape not read here (composition offsets). */
function fragment(moof: Buffer, track: VideoTrack): Fragment | null {
  const root = whole(moof);
  const trafs = [...boxes(moof, root.body, root.end)].filter((b) => b.type === 'traf');
  if (trafs.length !== 1) return null;
  const traf = trafs[0]!;
  const tfhd = child(moof, traf, 'tfhd');
  const tfdt = child(moof, traf, 'tfdt');
  const trun = child(moof, traf, 'trun');
  if (!tfhd || !tfdt || !trun || moof.readUInt32BE(tfhd.body + 4) !== track.trackId) return null;
  // tfhd: optional fields after the track id, in flag order.
  const tfhdFlags = moof.readUInt32BE(tfhd.body) & 0xffffff;
  let at = tfhd.body + 8 + (tfhdFlags & 0x01 ? 8 : 0) + (tfhdFlags & 0x02 ? 4 : 0);
  const defaultDuration = tfhdFlags & 0x08 ? moof.readUInt32BE(at) : track.defaultDuration;
  at += (tfhdFlags & 0x08 ? 4 : 0) + (tfhdFlags & 0x10 ? 4 : 0);
  const defaultFlags = tfhdFlags & 0x20 ? moof.readUInt32BE(at) : track.defaultFlags;
  const decodeTime =
    version(moof, tfdt) === 1
      ? Number(moof.readBigUInt64BE(tfdt.body + 4))
      : moof.readUInt32BE(tfdt.body + 4);
  const flags = moof.readUInt32BE(trun.body) & 0xffffff;
  if (flags & 0x800) return null; // composition offsets: B-frames reorder the timestamps
  const count = moof.readUInt32BE(trun.body + 4);
  at = trun.body + 8 + (flags & 0x01 ? 4 : 0);
  const firstFlags = flags & 0x04 ? moof.readUInt32BE(at) : null;
  at += flags & 0x04 ? 4 : 0;
  const fieldBytes = 4 * [0x100, 0x200, 0x400].filter((bit) => flags & bit).length;
  // A sample's flags follow its duration and size, when the run has them.
  const flagsAt = 4 * [0x100, 0x200].filter((bit) => flags & bit).length;
  if (at + count * fieldBytes > trun.end) return null;
  let ticks = 0;
  const keyframeTicks: number[] = [];
  for (let i = 0; i < count; i += 1, at += fieldBytes) {
    const sampleFlags =
      flags & 0x400
        ? moof.readUInt32BE(at + flagsAt)
        : i === 0 && firstFlags !== null
          ? firstFlags
          : defaultFlags;
    if (!(sampleFlags & NON_SYNC_SAMPLE)) keyframeTicks.push(decodeTime + ticks);
    ticks += flags & 0x100 ? moof.readUInt32BE(at) : defaultDuration;
  }
  return { decodeTime, ticks, keyframeTicks, samples: count };
}

/** The timing of a complete segment from its top-level boxes (mdat left out), or null where ffprobe must answer. */
export function segmentTiming(topLevel: readonly Buffer[]): SegmentTiming | null {
  const moov = topLevel.find((box) => box.toString('latin1', 4, 8) === 'moov');
  const track = moov && videoTrack(moov);
  if (!track) return null;
  let start: number | null = null;
  let end = 0;
  const keyframeTicks: number[] = [];
  let sampleCount = 0;
  for (const box of topLevel) {
    if (box.toString('latin1', 4, 8) !== 'moof') continue;
    const part = fragment(box, track);
    // A fragment that does not follow on from the last one: ffprobe's view of the hole is not modelled here.
    if (!part || (start !== null && part.decodeTime !== end)) return null;
    start ??= part.decodeTime;
    end = part.decodeTime + part.ticks;
    keyframeTicks.push(...part.keyframeTicks);
    sampleCount += part.samples;
  }
  if (start === null || end <= start) return null;
  return {
    startS: start / track.timescale,
    durationS: (end - start) / track.timescale,
    codecConfig: track.codecConfig,
    timescale: track.timescale,
    keyframeTicks,
    sampleCount,
  };
}
