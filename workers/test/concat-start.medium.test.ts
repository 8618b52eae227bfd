// Medium: the concat demuxer's start, computed from the first segment's keyframes, equals what ffprobe reads from the
// same list on real recorded segments: in points on a keyframe, a microsecond either side of one, between ticks and
// anywhere in the segment, with keyframes every second and with long GOPs whose fragments start between keyframes.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatList, type ClipPiece } from '../src/export/clip-plan';
import { concatStartFromKeyframes } from '../src/export/concat-start';
import { readSegmentTiming } from '../src/record/segment-timing-file';
import { recordStreetClip, type RecordedFile } from './recorded-footage';

const run = promisify(execFile);

let root: string;
let everySecond: RecordedFile[];
let longGop: RecordedFile[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'concat-start-'));
  everySecond = await recordStreetClip(path.join(root, 'gop30'), 9, 4);
  // A keyframe every 2.5 s, fragments of at most 1 s: most fragments start between keyframes.
  longGop = await recordStreetClip(path.join(root, 'gop75'), 9, 4, { gop: 75 });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function probedStart(pieces: ClipPiece[]): Promise<number> {
  const list = path.join(root, 'probe.ffconcat');
  await writeFile(list, concatList(pieces));
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-of', 'json', '-f', 'concat', '-safe', '0'],
    ...['-show_entries', 'format=start_time', '-i', list],
  ]);
  return Number((JSON.parse(stdout) as { format: { start_time?: string } }).format.start_time) || 0;
}

/** In points to try in a segment: on, just before and just after each keyframe, between ticks, and a sweep. */
function inpoints(timing: { startS: number; durationS: number; timescale: number; keyframeTicks: number[] }) {
  const micro = (s: number) => Math.round(s * 1e6) / 1e6;
  const points = new Set<number>();
  for (const ticks of timing.keyframeTicks) {
    const at = ticks / timing.timescale;
    for (const offset of [-1e-6, 0, 1e-6, 0.5 / timing.timescale, 0.02]) points.add(micro(at + offset));
  }
  for (let at = timing.startS + 0.013; at < timing.startS + timing.durationS; at += 0.61)
    points.add(micro(at));
  return [...points]
    .filter((p) => p >= timing.startS && p < timing.startS + timing.durationS)
    .sort((a, b) => a - b);
}

async function compareOn(segments: RecordedFile[]) {
  let compared = 0;
  // The first segment starts at 0; later ones at the stream time they were recorded at.
  for (const recorded of segments.slice(0, 2)) {
    const timing = readSegmentTiming(recorded.file);
    expect(timing, recorded.file).not.toBeNull();
    const segment = { absPath: recorded.file, startedAt: new Date(0), endedAt: new Date(1), timing };
    for (const inpointS of inpoints(timing!)) {
      const pieces: ClipPiece[] = [
        {
          segment,
          media: { startS: timing!.startS, durationS: timing!.durationS },
          inpointS,
          outpointS: null,
        },
      ];
      expect(concatStartFromKeyframes(pieces), `in point ${inpointS} of ${recorded.file}`).toBe(
        await probedStart(pieces),
      );
      compared += 1;
    }
  }
  return compared;
}

describe('concat start from keyframes', () => {
  it("equals ffprobe's with a keyframe every second", async () => {
    expect(await compareOn(everySecond)).toBeGreaterThan(40);
  }, 120_000);

  it("equals ffprobe's with a keyframe every 2.5 s and fragments starting between keyframes", async () => {
    const timing = readSegmentTiming(longGop[0]!.file);
    // The fixture has what it claims: fewer keyframes than one-second fragments.
    expect(timing!.keyframeTicks.length).toBeLessThan(timing!.durationS - 1);
    expect(await compareOn(longGop)).toBeGreaterThan(20);
  }, 120_000);

  it('is 0 without an in point and null when the keyframes are not known', () => {
    const segment = { absPath: '/x.mp4', startedAt: new Date(0), endedAt: new Date(1) };
    const media = { startS: 3, durationS: 4 };
    expect(concatStartFromKeyframes([{ segment, media, inpointS: null, outpointS: null }])).toBe(0);
    expect(concatStartFromKeyframes([{ segment, media, inpointS: 4, outpointS: null }])).toBeNull();
  });
});
