// `npm run eval:elephant-video -w @toc/workers`: the video path on elephants (a fixed camera, not a trap): each live
// dev photo and the camera-trap herd made a 4 s clip with a slow pan, in colour and grey (a night infrared camera),
// near and far (a third of the size in the middle of the picture, its borders smeared outwards), through the camera
// pipeline whole, with 2 × 2 tiles, and with both ("whole+2x2"). Counts the clips that raise a sighting (confirmed over frames) and the
// blank, vehicle, horse, dog and person stills that do.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Detector } from '@toc/models';
import { TILINGS, type Tiling } from '@toc/server/schemas';
import { runFfmpeg } from '../src/export/ffmpeg-process';
import { runClip } from '../src/pipeline/clip-runner';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { allNegatives, devElephantPhotos, elephantImages, type EvalImage } from './trap-images';

const FPS = 5;
const CLIP_S = 4;
/** The frame every clip is made to: a common CCTV size. */
const WIDTH = 1280;
const HEIGHT = 720;

interface ClipKind {
  name: string;
  grey: boolean;
  far: boolean;
}

/** The tilings compared (`EVAL_TILINGS=none,whole+3x2` picks others), and their names in the last line. */
const TILING_NAMES: Partial<Record<Tiling, string>> = { none: 'whole', '2x2': 'tiled', 'whole+2x2': 'both' };
const COMPARED = (process.env.EVAL_TILINGS?.split(',') ?? Object.keys(TILING_NAMES)).map((name) => {
  const tiling = TILINGS.find((t) => t === name);
  if (!tiling) throw new Error(`EVAL_TILINGS: ${name} is not one of ${TILINGS.join(', ')}`);
  return tiling;
});
const tilingName = (tiling: Tiling) => TILING_NAMES[tiling] ?? tiling;

const ALL_KINDS: ClipKind[] = [
  { name: 'colour, near', grey: false, far: false },
  { name: 'grey, near', grey: true, far: false },
  { name: 'colour, far', grey: false, far: true },
  { name: 'grey, far', grey: true, far: true },
];
/** `EVAL_DISTANCE=far` (or `near`) runs only those clips. */
const KINDS = ALL_KINDS.filter((k) => !process.env.EVAL_DISTANCE || (k.far ? 'far' : 'near') === process.env.EVAL_DISTANCE);

/** ffmpeg filters that make the still a panning clip of the kind (argument arrays only, no shell). */
function filterOf(kind: ClipKind): string {
  const frames = FPS * CLIP_S;
  // A slow pan across the still, as a camera's view drifts and the animals move in it.
  const pan = `scale=${WIDTH * 1.1}:${HEIGHT * 1.1},crop=${WIDTH}:${HEIGHT}:x='${WIDTH * 0.1}*n/${frames}':y='${HEIGHT * 0.05}'`;
  const far = kind.far
    ? `,scale=${Math.round(WIDTH / 3)}:${Math.round(HEIGHT / 3)},pad=${WIDTH}:${HEIGHT}:(ow-iw)/2:(oh-ih)/2,fillborders=left=${Math.round(WIDTH / 3)}:right=${Math.round(WIDTH / 3)}:top=${Math.round(HEIGHT / 3)}:bottom=${Math.round(HEIGHT / 3)}:mode=smear`
    : '';
  return `${pan}${far}${kind.grey ? ',format=gray' : ''},format=yuv420p`;
}

/** Each still written once, as the file every kind of clip is made from. */
async function writeStills(dir: string, stills: readonly EvalImage[], prefix: string): Promise<string[]> {
  return Promise.all(
    stills.map(async (still, i) => {
      const file = path.join(dir, `${prefix}-${i}.jpg`);
      await writeFile(file, still.image);
      return file;
    }),
  );
}

async function makeClip(source: string, kind: ClipKind): Promise<string> {
  const clip = source.replace(/\.jpg$/, `-${kind.grey ? 'g' : 'c'}${kind.far ? 'f' : 'n'}.mp4`);
  await runFfmpeg({
    args: [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-loop',
      '1',
      '-framerate',
      String(FPS),
      '-t',
      String(CLIP_S),
      '-i',
      source,
      '-vf',
      filterOf(kind),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '23',
      clip,
    ],
  });
  return clip;
}

const detector = await Detector.load(process.env.EVAL_MODEL ?? 'yolox_nano_416', { threads: 2 });
const live = [...(await elephantImages()).slice(0, 1), ...(await devElephantPhotos()).filter((p) => p.live)];
const negatives = await allNegatives();
const dir = await mkdtemp(path.join(tmpdir(), 'toc-elephant-video-'));
const scene = sceneSetupOf({ zones: [], lines: [] });

async function sighted(file: string, tiling: Tiling): Promise<boolean> {
  let seen = false;
  await runClip({
    file,
    detector,
    scene,
    fps: FPS,
    gating: false,
    tiling,
    onFrame: ({ step }) => {
      if (step.rules.signals.some((s) => s.type === 'elephant.sighting')) seen = true;
    },
  });
  return seen;
}

const summary: string[] = [];
try {
  const liveStills = await writeStills(dir, live, 'live');
  const negativeStills = await writeStills(dir, negatives, 'negative');
  for (const kind of KINDS) {
    const clips = await Promise.all(liveStills.map((still) => makeClip(still, kind)));
    const negativeClips = await Promise.all(negativeStills.map((still) => makeClip(still, kind)));
    for (const tiling of COMPARED) {
      const missed: string[] = [];
      for (const [i, clip] of clips.entries()) if (!(await sighted(clip, tiling))) missed.push(live[i]!.name);
      const falseAlarms: string[] = [];
      for (const [i, clip] of negativeClips.entries())
        if (await sighted(clip, tiling)) falseAlarms.push(negatives[i]!.name);
      const recall = (live.length - missed.length) / live.length;
      console.log(
        `${kind.name}, tiling ${tiling}: recall ${recall.toFixed(2)} (${live.length - missed.length}/${live.length}); ` +
          `negatives sighted ${falseAlarms.length}/${negatives.length}${falseAlarms.length ? ` (${falseAlarms.join(', ')})` : ''}` +
          (missed.length ? `; missed: ${missed.join(', ')}` : ''),
      );
      summary.push(
        `${kind.grey ? 'grey' : 'colour'}_${kind.far ? 'far' : 'near'}_${tilingName(tiling)}=${recall.toFixed(2)}`,
      );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(`ELEPHANT_VIDEO fps=${FPS} clips=${live.length} ${summary.join(' ')}`);
await detector.close();
process.exit(0);
