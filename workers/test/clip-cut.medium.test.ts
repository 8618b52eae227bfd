// Medium: evidence clips cut from real recorded segments with real ffmpeg. The street clip is made into a CCTV-like
// stream (a keyframe every second), recorded with the recorder's own muxer options into 4 s fragmented-MP4 segments,
// and placed on the wall clock with the camera offline for 7.5 s between the second and third segment. A window
// starting and ending mid-segment is cut and checked with ffprobe; then the working copy with the Thai camera name.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '@toc/models';
import { segmentOutputOptions, segmentPattern } from '../src/record/segment-output';
import { readSegmentTiming } from '../src/record/segment-timing-file';
import { ClipCutError, cutClip, type ClipCutResult, type ClipSegment } from '../src/export/clip-cut';
import { labelPng } from '../src/export/label-image';
import { makeWorkingCopy } from '../src/export/working-copy';

const run = promisify(execFile);
const CLIP = path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4');
const FPS = 30;
const SEGMENT_S = 4;
/** 17:30:00 in Bangkok. */
const T0 = Date.parse('2026-12-05T10:30:00.000Z');
const OFFLINE_S = 7.5;
const at = (s: number) => new Date(T0 + s * 1000);
/** Starts 1.5 s into the first segment (between keyframes), ends 1.75 s into the fourth. */
const WINDOW = { from: at(1.5), to: at(4 * SEGMENT_S + OFFLINE_S - 2.25) };
const FRAME_S = 1 / FPS;

let root: string;
let segments: ClipSegment[];
let master: string;
let result: ClipCutResult;
const progress: number[] = [];

const probe = async <T>(args: string[]): Promise<T> =>
  JSON.parse(
    (await run('ffprobe', ['-v', 'error', '-of', 'json', ...args], { maxBuffer: 64 << 20 })).stdout,
  ) as T;

/** MD5 of every video packet's bytes, in order. */
async function packetHashes(file: string): Promise<string[]> {
  const { packets } = await probe<{ packets: { data_hash: string }[] }>([
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=data_hash',
    '-show_data_hash',
    'MD5',
    file,
  ]);
  return packets.map((p) => p.data_hash);
}

/** Top-level MP4 box types in file order. */
async function topLevelBoxes(file: string): Promise<string[]> {
  const bytes = await readFile(file);
  const types: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(offset);
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    if (size === 0) size = bytes.length - offset;
    types.push(bytes.toString('latin1', offset + 4, offset + 8));
    offset += size;
  }
  return types;
}

/** The subtitle track as [start s, end s, text] cues. */
async function subtitleCues(file: string): Promise<[number, number, string][]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:s:0', '-f', 'srt', '-']);
  const seconds = (t: string) => {
    const [h, m, s] = t.replace(',', '.').split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  return stdout
    .trim()
    .split(/(?:\r?\n){2,}/)
    .map((block) => {
      // ffmpeg's SRT writer ends lines with CRLF.
      const [, times, ...text] = block.split(/\r?\n/);
      const [from, to] = times!.split(' --> ');
      return [seconds(from!), seconds(to!), text.join('\n')];
    });
}
const cueAt = (cues: [number, number, string][], s: number) =>
  cues.find(([from, to]) => s >= from && s < to)?.[2];

/** Records the clip as a camera's stream would be: CCTV-like stream, then the recorder's segment muxer. */
async function recordSegments(dir: string): Promise<string[]> {
  const stream = path.join(dir, 'camera-stream.mp4');
  await run(
    'ffmpeg',
    [
      ['-hide_banner', '-loglevel', 'error', '-y', '-i', CLIP, '-t', String(4 * SEGMENT_S), '-an'],
      ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-g', String(FPS), '-bf', '0'],
      ['-sc_threshold', '0', '-pix_fmt', 'yuv420p', stream],
    ].flat(),
  );
  const list = path.join(dir, 'segments.csv');
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-i', stream],
    ...segmentOutputOptions(SEGMENT_S, list),
    path.join(dir, segmentPattern('run1')),
  ]);
  return (await readFile(list, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => path.join(dir, line.split(',')[0]!));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'toc-clip-cut-'));
  const files = await recordSegments(root);
  expect(files).toHaveLength(4);
  const starts = [0, SEGMENT_S, 2 * SEGMENT_S + OFFLINE_S, 3 * SEGMENT_S + OFFLINE_S];
  segments = files.map((absPath, i) => ({
    absPath,
    startedAt: at(starts[i]!),
    endedAt: at(starts[i]! + SEGMENT_S),
  }));
  master = path.join(root, 'out', 'master.mp4');
  result = await cutClip({
    segments,
    window: WINDOW,
    outPath: master,
    workDir: path.join(root, 'work'),
    onProgress: (f) => progress.push(f),
  });
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('cutClip', () => {
  it('copies the camera bitstream: same codec and size, packets byte-identical', async () => {
    type Streams = { streams: { codec_type: string; codec_name: string; width?: number; height?: number }[] };
    const source = (
      await probe<Streams>([
        '-show_entries',
        'stream=codec_type,codec_name,width,height',
        segments[1]!.absPath,
      ])
    ).streams[0]!;
    const clip = await probe<Streams>(['-show_entries', 'stream=codec_type,codec_name,width,height', master]);
    const video = clip.streams.find((s) => s.codec_type === 'video')!;
    expect([video.codec_name, video.width, video.height]).toEqual([source.codec_name, 640, 360]);
    expect(source.codec_name).toBe('h264');

    const clipHashes = await packetHashes(master);
    const [first, second, third] = await Promise.all(
      segments.slice(0, 3).map((s) => packetHashes(s.absPath)),
    );
    // The clip starts at the first segment's keyframe at 1.0 s (30 frames in), then shows the next segments whole.
    expect(clipHashes.slice(0, first!.length - FPS)).toEqual(first!.slice(FPS));
    const secondAt = first!.length - FPS;
    expect(clipHashes.slice(secondAt, secondAt + second!.length)).toEqual(second);
    const thirdAt = secondAt + second!.length;
    expect(clipHashes.slice(thirdAt, thirdAt + third!.length)).toEqual(third);
    expect(result.exactPackets).toBe(true);
    expect(result.arguments).toEqual(expect.arrayContaining(['-c:v', 'copy']));
    expect(result.arguments.join(' ')).not.toMatch(/libx264|-c:v [^c]/);
  });

  it('lasts the footage in the window, starting at most one GOP early, ending on the frame', async () => {
    const footageS = SEGMENT_S - 1.5 + SEGMENT_S + SEGMENT_S + 1.75;
    expect(result.durationS).toBeGreaterThanOrEqual(footageS);
    expect(result.durationS).toBeLessThanOrEqual(footageS + 1 + FRAME_S);
    // Measured: the keyframe before 1.5 s is at 1.0 s, so 0.5 s early; the end rounds up to the next frame.
    expect(result.durationS).toBeCloseTo(footageS + 0.5 + FRAME_S / 2, 1);
    const { format, streams } = await probe<{
      format: { size: string };
      streams: { codec_type: string; duration: string }[];
    }>(['-show_entries', 'format=size:stream=codec_type,duration', master]);
    // The cut reads its length from the moov itself: it must be what ffprobe says.
    expect(result.durationS).toBeCloseTo(Number(streams.find((s) => s.codec_type === 'video')!.duration), 6);
    expect(result.bytes).toBe(Number(format.size));
    expect(result.bytes).toBe((await stat(master)).size);
  });

  it('reports the wall-clock span covered and the gap inside the window', () => {
    expect(result.covered.from.getTime()).toBeLessThanOrEqual(WINDOW.from.getTime());
    expect(result.covered.from.getTime()).toBeGreaterThan(WINDOW.from.getTime() - 1000);
    expect(result.covered.from).toEqual(at(1));
    expect(Math.abs(result.covered.to.getTime() - WINDOW.to.getTime())).toBeLessThanOrEqual(
      FRAME_S * 1000 + 1,
    );
    expect(result.gaps).toEqual([{ from: at(2 * SEGMENT_S), to: at(2 * SEGMENT_S + OFFLINE_S) }]);
    expect(result.segments).toEqual(segments);
  });

  it('puts the index (moov) before the media data (faststart)', async () => {
    const boxes = await topLevelBoxes(master);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
  });

  it('from segments timed by their fragments (no ffprobe): index reserved at the head, the same clip otherwise', async () => {
    const timed = segments.map((segment) => ({ ...segment, timing: readSegmentTiming(segment.absPath) }));
    expect(timed.every((segment) => segment.timing)).toBe(true);
    const out = path.join(root, 'out', 'timed.mp4');
    const cut = await cutClip({
      segments: timed,
      window: WINDOW,
      outPath: out,
      workDir: path.join(root, 'work'),
    });
    expect(result.arguments).toContain('+faststart');
    expect(cut.arguments).toContain('-moov_size');
    expect(cut.arguments).not.toContain('+faststart');
    const boxes = await topLevelBoxes(out);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(await packetHashes(out)).toEqual(await packetHashes(master));
    expect(cut.durationS).toBe(result.durationS);
    expect(cut.parts.map((part) => [part.fromS, part.toS, part.wallFrom, part.wallTo])).toEqual(
      result.parts.map((part) => [part.fromS, part.toS, part.wallFrom, part.wallTo]),
    );
    expect(await subtitleCues(out)).toEqual(await subtitleCues(master));
    // The reserved room left over is a free box: under 1 % of the clip here.
    expect(cut.bytes - result.bytes).toBeGreaterThan(0);
    expect(cut.bytes - result.bytes).toBeLessThan(0.01 * result.bytes + 128 * 1024);
  });

  it('has a chapter per segment titled with its Bangkok start', async () => {
    const { chapters } = await probe<{ chapters: { start_time: string; tags: { title: string } }[] }>([
      '-show_chapters',
      master,
    ]);
    expect(chapters.map((c) => Number(c.start_time))).toEqual([0, 3, 7, 11]);
    expect(chapters.map((c) => c.tags.title)).toEqual([
      '2026-12-05 17:30:00 +07:00 · 5 ธ.ค. 2569 17:30:00 น.',
      '2026-12-05 17:30:04 +07:00 · 5 ธ.ค. 2569 17:30:04 น.',
      '2026-12-05 17:30:15 +07:00 · 5 ธ.ค. 2569 17:30:15 น.',
      '2026-12-05 17:30:19 +07:00 · 5 ธ.ค. 2569 17:30:19 น.',
    ]);
  });

  it('has a subtitle clock in Bangkok time that jumps at the gap', async () => {
    const { streams } = await probe<{ streams: { codec_name: string; tags?: { language?: string } }[] }>([
      '-select_streams',
      's',
      '-show_entries',
      'stream=codec_name:stream_tags=language',
      master,
    ]);
    expect(streams.map((s) => [s.codec_name, s.tags?.language])).toEqual([['mov_text', 'tha']]);
    const cues = await subtitleCues(master);
    expect(cueAt(cues, 0.2)).toBe('5 ธ.ค. 2569 17:30:01 น.\n2026-12-05T17:30:01+07:00');
    // Output 7.0 s is the end of the second segment (wall 8.0 s); the next frame is 15.5 s on the wall clock.
    expect(cueAt(cues, 6.9)).toContain('2026-12-05T17:30:07+07:00');
    expect(cueAt(cues, 7.1)).toContain('2026-12-05T17:30:15+07:00');
    expect(cueAt(cues, 7.6)).toContain('2026-12-05T17:30:16+07:00');
    expect(cueAt(cues, result.durationS - 0.05)).toContain('2026-12-05T17:30:21+07:00');
    expect(cues.length).toBeGreaterThanOrEqual(13);
  });

  it('reports progress up to 1 and returns arguments that reproduce the same bytes', async () => {
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(result.tool).toMatch(/^ffmpeg \d/);
    const again = await mkdtemp(path.join(root, 'again-'));
    for (const input of result.inputs) await writeFile(path.join(again, input.name), input.text);
    const copy = path.join(again, 'copy.mp4');
    await run('ffmpeg', [...result.arguments.slice(0, -1), `file:${copy}`], { cwd: again });
    expect(await readFile(copy)).toEqual(await readFile(master));
  });

  it('refuses a window with no footage in English and Thai, leaving no file', async () => {
    const outPath = path.join(root, 'out', 'none.mp4');
    const error = await cutClip({
      segments,
      window: { from: at(2 * SEGMENT_S + 1), to: at(2 * SEGMENT_S + OFFLINE_S) },
      outPath,
      workDir: path.join(root, 'work'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClipCutError);
    expect((error as ClipCutError).code).toBe('no_footage');
    expect((error as ClipCutError).message).toMatch(/No recorded footage/);
    expect((error as ClipCutError).messageTh).toMatch(/ไม่มีภาพบันทึก.*2569/);
    await expect(stat(outPath)).rejects.toThrow(/ENOENT/);
  });

  it('stops when aborted, leaving no file', async () => {
    const outPath = path.join(root, 'out', 'aborted.mp4');
    const controller = new AbortController();
    const aborted = cutClip({
      segments,
      window: WINDOW,
      outPath,
      workDir: path.join(root, 'work'),
      signal: controller.signal,
      // Reported as ffmpeg starts: the abort lands while it runs.
      onProgress: () => controller.abort(),
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(stat(outPath)).rejects.toThrow(/ENOENT/);
    const before = new AbortController();
    before.abort();
    await expect(
      cutClip({ segments, window: WINDOW, outPath, workDir: path.join(root, 'work'), signal: before.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await expect(stat(outPath)).rejects.toThrow(/ENOENT/);
  });
});

describe('working copy', () => {
  const NAME = 'กล้อง 3 สะพานบางปะกง · Bang Pakong Bridge';

  it('renders the Thai name shaped: vowel and tone marks stack on their consonant instead of taking room', async () => {
    const size = async (text: string) => {
      const { width, height } = await sharp(
        await labelPng(text, { fontPx: 24, maxWidthPx: 2000 }),
      ).metadata();
      return { width, height };
    };
    // Measured: 89 px and 91 px (the last mark overhangs slightly); unshaped, every mark would be a box of its own.
    expect(Math.abs((await size('ก้ก้ก้ก้ก้')).width - (await size('กกกกก')).width)).toBeLessThanOrEqual(4);
    expect((await size('ผู้ใหญ่')).width).toBe((await size('ผใหญ')).width);
    const [stacked, bare] = [await size('ปั้ม'), await size('ปม')];
    expect(stacked.width).toBe(bare.width);
    expect(stacked.height).toBeGreaterThan(bare.height);
    const { channels } = await sharp(await labelPng(NAME, { fontPx: 24, maxWidthPx: 2000 })).stats();
    // White glyphs on the translucent dark box.
    expect(channels[0]!.max).toBeGreaterThan(200);
    expect(channels[0]!.mean).toBeGreaterThan(10);
  });

  it('re-encodes the master with the name and clock burned in, playable to the end, master untouched', async () => {
    const masterBytes = await readFile(master);
    const outPath = path.join(root, 'out', 'working.mp4');
    const fractions: number[] = [];
    const copy = await makeWorkingCopy({
      masterPath: master,
      outPath,
      workDir: path.join(root, 'work'),
      cameraName: NAME,
      parts: result.parts,
      onProgress: (f) => fractions.push(f),
    });
    expect(await readFile(master)).toEqual(masterBytes);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(copy.durationS).toBeCloseTo(result.durationS, 1);
    expect(copy.arguments).toEqual(expect.arrayContaining(['libx264']));

    // Decodes every frame without an error.
    const decoded = await run('ffmpeg', ['-v', 'error', '-i', outPath, '-map', '0:v', '-f', 'null', '-']);
    expect(decoded.stderr).toBe('');
    const { streams } = await probe<{
      streams: { codec_name: string; width: number; height: number; nb_frames: string }[];
    }>(['-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,nb_frames', outPath]);
    expect(streams[0]).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    expect(Number(streams[0]!.nb_frames)).toBe(Math.round(result.durationS * FPS));

    // The label is in the top-left corner of the picture, not in the master's.
    const corner = async (file: string) => {
      const { stdout } = await run(
        'ffmpeg',
        [
          '-v',
          'error',
          '-ss',
          '1',
          '-i',
          file,
          '-frames:v',
          '1',
          '-vf',
          'crop=200:20:20:15',
          '-f',
          'rawvideo',
          '-pix_fmt',
          'gray',
          '-',
        ],
        { encoding: 'buffer' },
      );
      return stdout;
    };
    const [plain, labelled] = await Promise.all([corner(master), corner(outPath)]);
    const difference = plain.reduce((sum, v, i) => sum + Math.abs(v - labelled[i]!), 0) / plain.length;
    expect(difference).toBeGreaterThan(20);
  });
});
