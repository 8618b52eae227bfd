// Medium: the media timing read from a segment's fragments while it is hashed (or from its boxes alone) equals
// ffprobe's, on real footage cut by the recorder's own muxer options; shapes the reader does not follow (B-frames, a file cut short) answer null.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TopLevelBoxes, segmentTiming } from '../src/record/mp4-fragments';
import { hashFile } from '../src/record/segment-file';
import { readSegmentTiming } from '../src/record/segment-timing-file';
import { segmentOutputOptions, segmentPattern } from '../src/record/segment-output';
import { recordStreetClip, STREET_CLIP, type RecordedFile } from './recorded-footage';

const run = promisify(execFile);

interface Probe {
  format: { start_time?: string; duration?: string };
  streams: { codec_name: string; width: number; height: number; extradata_hash: string }[];
}

async function ffprobeTiming(file: string) {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-of', 'json', '-select_streams', 'v:0', '-show_data_hash', 'SHA256'],
    ...[
      '-show_entries',
      'format=start_time,duration:stream=codec_name,width,height,extradata_hash',
      `file:${file}`,
    ],
  ]);
  const { format, streams } = JSON.parse(stdout) as Probe;
  const video = streams[0]!;
  return {
    startS: Number(format.start_time) || 0,
    durationS: Number(format.duration),
    codecConfig: [video.codec_name, video.width, video.height, video.extradata_hash].join(' '),
  };
}

let root: string;
let small: RecordedFile[];
let hd: RecordedFile[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'mp4-fragments-'));
  small = await recordStreetClip(path.join(root, 'small'), 9, 4);
  hd = await recordStreetClip(path.join(root, 'hd'), 7, 3, { scale: '1280:720', bitrate: '2M', gop: 25 });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('segment timing from fragments', () => {
  it("equals ffprobe's start, duration and decoder configuration on every recorded segment", async () => {
    const all = [...small, ...hd];
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const segment of all) {
      const timing = readSegmentTiming(segment.file);
      expect(timing, segment.file).not.toBeNull();
      const probed = await ffprobeTiming(segment.file);
      expect(timing!.startS).toBeCloseTo(probed.startS, 6);
      expect(timing!.durationS).toBeCloseTo(probed.durationS, 6);
      expect(timing!.codecConfig).toBe(probed.codecConfig);
    }
    // The last segment of each recording is shorter: its length is read, not assumed.
    const lengths = small.map((s) => s.end - s.start);
    expect(readSegmentTiming(small.at(-1)!.file)!.durationS).toBeCloseTo(lengths.at(-1)!, 1);
    expect(readSegmentTiming(hd[0]!.file)!.codecConfig).toMatch(/^h264 1280 720 SHA256:[0-9a-f]{64}$/);
  });

  it('reads the same timing stepping over the media as from every byte streamed', async () => {
    for (const segment of [...small, ...hd]) {
      const streamed = new TopLevelBoxes();
      streamed.push(await readFile(segment.file));
      expect(readSegmentTiming(segment.file), segment.file).toEqual(segmentTiming(streamed.collected));
    }
    expect(readSegmentTiming(hd[0]!.file)!.keyframeTicks.length).toBeGreaterThan(1);
  });

  it('collects the same boxes whatever the read chunks are', async () => {
    const bytes = await readFile(small[0]!.file);
    const whole = new TopLevelBoxes();
    whole.push(bytes);
    const trickle = new TopLevelBoxes();
    for (let at = 0; at < bytes.length; at += 7) trickle.push(bytes.subarray(at, at + 7));
    expect(trickle.complete).toBe(true);
    expect(trickle.collected).toEqual(whole.collected);
    expect(whole.collected.map((box) => box.toString('latin1', 4, 8))).toEqual(
      expect.arrayContaining(['ftyp', 'moov', 'moof']),
    );
    expect(whole.collected.some((box) => box.toString('latin1', 4, 8) === 'mdat')).toBe(false);
  });

  it('answers null for a segment cut short, which the hash read marks so over every byte', async () => {
    const bytes = await readFile(small[0]!.file);
    const cut = path.join(root, 'cut-short.mp4');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const read = await hashFile(cut);
    expect(read.cutShort).toBe(true);
    expect(readSegmentTiming(cut)).toBeNull();
    expect(read.bytes).toBe(Math.floor(bytes.length * 0.6));
  });

  it('answers null for B-frame footage, whose timestamps are reordered (ffprobe gives its timing)', async () => {
    const dir = path.join(root, 'bframes');
    await mkdir(dir, { recursive: true });
    const list = path.join(dir, 'segments.csv');
    await run('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-t', '4', '-i', STREET_CLIP, '-an'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-bf', '2', '-g', '30'],
      ...segmentOutputOptions(2, list),
      path.join(dir, segmentPattern('run1')),
    ]);
    const first = (await readFile(list, 'utf8')).split(',')[0]!;
    const boxes = new TopLevelBoxes();
    boxes.push(await readFile(path.join(dir, first)));
    expect(boxes.complete).toBe(true);
    expect(segmentTiming(boxes.collected)).toBeNull();
  });
});
