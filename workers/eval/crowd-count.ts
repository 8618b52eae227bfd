// Crowd count error against hand counts: real frames of the pedestrian clip and denser mosaics built from them,
// counted by the runtime path (camera tiling, detector, crowd rule's countPeople) for several camera setups.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sharedDir, type ObjectDetector } from '@toc/models';
import type { Tiling } from '@toc/server/schemas';
import { CameraPipeline } from '../src/pipeline/camera-pipeline';
import { cameraGeometry, frameLayout, tilesOf } from '../src/pipeline/frame-layout';
import { detectFrame } from '../src/pipeline/frame-step';
import { countPeople, DEFAULT_CROWD_OPTIONS } from '../src/rules/crowd.rule';
import type { PixelZone } from '../src/rules/scene';
import { countError, holdsUpTo, type CountError, type CountPair } from './crowd-count-stats';
import { VTEST_HAND_COUNTS, type HandCountedClip } from './crowd-hand-counts';
import { planMosaics, writeMosaic } from './crowd-mosaic';

const run = promisify(execFile);

export interface CrowdCountOptions {
  detector: ObjectDetector;
  clip?: HandCountedClip;
  /** Mosaic sizes: 1 is the real frames, n is n × n frames in one picture. */
  grids?: number[];
  mosaicsPerGrid?: number;
  tilings?: Tiling[];
  /** Crowd-rule score thresholds to compare (the detections are the same; only the filter differs). */
  minScores?: number[];
  /** A level holds while the mean |relative error| stays within this. */
  tolerance?: number;
}

export interface CrowdSetupFigures {
  tiling: Tiling;
  minScore: number;
  /** Model input, inference(s) and tile merge per picture, wall time. */
  msPerFrame: number;
  levels: (CountError & { grid: number })[];
  /** Mean true people per picture of the densest level that holds, null if even the real frames do not. */
  holdsUpToPeople: number | null;
}

export interface CrowdCountFigures {
  realFrames: number;
  tolerance: number;
  setups: CrowdSetupFigures[];
  /** Real frames, untiled camera, the crowd rule's default threshold: what a camera gets out of the box. */
  crowdMae: number;
}

interface Picture {
  file: string;
  grid: number;
  truth: number;
}

/** The whole picture as one crowd zone, drawn just outside it so people cut by the bottom edge are inside. */
function wholeFrameZone(width: number, height: number): PixelZone {
  return {
    id: 1,
    kind: 'crowd_area',
    name: 'Whole picture',
    nameTh: 'ทั้งภาพ',
    polygon: [
      [-1, -1],
      [width + 1, -1],
      [width + 1, height + 1],
      [-1, height + 1],
    ],
    direction: null,
    alertAbove: null,
    clearBelow: null,
    areaM2: null,
    centroid: [width / 2, height / 2],
  };
}

async function extractFrame(video: string, t: number, out: string): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-y', '-ss', String(t), '-i', video, '-frames:v', '1', out]);
}

/** The picture as the camera's ffmpeg filter delivers it to the pipeline (model input or canvas of tiles). */
async function packedFrame(file: string, filter: string, pixelFormat: string): Promise<Uint8Array> {
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-vf', filter, '-f', 'rawvideo', '-pix_fmt', pixelFormat, '-'],
    {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return new Uint8Array(stdout);
}

async function buildPictures(
  clip: HandCountedClip,
  grids: number[],
  mosaicsPerGrid: number,
  dir: string,
): Promise<Picture[]> {
  const video = path.join(sharedDir(), 'media', clip.file);
  const frameFiles: string[] = [];
  for (const frame of clip.frames) {
    const file = path.join(dir, `frame-${frame.t}s.png`);
    await extractFrame(video, frame.t, file);
    frameFiles.push(file);
  }
  const truths = clip.frames.map((f) => f.people);
  const pictures: Picture[] = [];
  for (const grid of grids) {
    if (grid === 1) {
      frameFiles.forEach((file, i) => pictures.push({ file, grid, truth: truths[i]! }));
      continue;
    }
    const plans = planMosaics(truths, grid, mosaicsPerGrid, clip.width, clip.height);
    for (const [k, plan] of plans.entries()) {
      const file = path.join(dir, `mosaic-${grid}x${grid}-${k}.png`);
      await writeMosaic(plan, frameFiles, clip.width, clip.height, file);
      pictures.push({ file, grid, truth: plan.truth });
    }
  }
  return pictures;
}

/** Person detections per picture for one camera tiling, through the same frame step as a live camera. */
async function detectAll(
  detector: ObjectDetector,
  tiling: Tiling,
  clip: HandCountedClip,
  pictures: Picture[],
) {
  const geometry = cameraGeometry(detector, tiling, clip.width, clip.height);
  const pipeline = new CameraPipeline(
    frameLayout(detector, geometry, clip.width, clip.height),
    { zones: [], lines: [], calibration: null },
    { gating: false },
  );
  const ctx = {
    pipeline,
    detector,
    scale: geometry,
    ...tilesOf(geometry),
  };
  let ms = 0;
  const results = [];
  for (const picture of pictures) {
    const frame = await packedFrame(picture.file, geometry.filter, geometry.pixelFormat);
    const started = performance.now();
    const detected = await detectFrame(ctx, { frame, t: 0, detect: true });
    ms += performance.now() - started;
    results.push({ picture, detections: detected.detections ?? [] });
  }
  return { results, msPerFrame: ms / Math.max(1, pictures.length) };
}

export async function evaluateCrowdCounts(options: CrowdCountOptions): Promise<CrowdCountFigures> {
  const clip = options.clip ?? VTEST_HAND_COUNTS;
  const grids = options.grids ?? [1, 2, 3, 4, 5];
  const tilings = options.tilings ?? ['none', '2x2', '3x2', 'whole+2x2', 'whole+3x2'];
  const minScores = options.minScores ?? [DEFAULT_CROWD_OPTIONS.detectionMinScore];
  const tolerance = options.tolerance ?? 0.1;
  const zone = wholeFrameZone(clip.width, clip.height);
  const dir = await mkdtemp(path.join(tmpdir(), 'crowd-count-'));
  try {
    const pictures = await buildPictures(clip, grids, options.mosaicsPerGrid ?? 10, dir);
    const setups: CrowdSetupFigures[] = [];
    for (const tiling of tilings) {
      const { results, msPerFrame } = await detectAll(options.detector, tiling, clip, pictures);
      for (const minScore of minScores) {
        const levels = grids.map((grid) => {
          const pairs: CountPair[] = results
            .filter((r) => r.picture.grid === grid)
            .map((r) => ({
              truth: r.picture.truth,
              counted: countPeople(
                {
                  t: 0,
                  frameWidth: clip.width,
                  frameHeight: clip.height,
                  tracks: [],
                  detections: r.detections,
                },
                zone,
                minScore,
              ),
            }));
          return { grid, ...countError(pairs) };
        });
        setups.push({ tiling, minScore, msPerFrame, levels, holdsUpToPeople: holdsUpTo(levels, tolerance) });
      }
    }
    const baseline = setups.find(
      (s) => s.tiling === 'none' && s.minScore === DEFAULT_CROWD_OPTIONS.detectionMinScore,
    );
    const real = baseline?.levels.find((l) => l.grid === 1);
    return { realFrames: clip.frames.length, tolerance, setups, crowdMae: real?.mae ?? Number.NaN };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line per setup and density level, for the evaluation printout. */
export function formatCrowdFigures(figures: CrowdCountFigures): string[] {
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(0)}%`;
  const abs = (v: number) => `${(v * 100).toFixed(0)}%`;
  const lines: string[] = [];
  for (const s of figures.setups) {
    const holds =
      s.holdsUpToPeople === null
        ? 'not even on the real frames'
        : `up to ${s.holdsUpToPeople.toFixed(0)} people per picture`;
    lines.push(
      `  tiling ${s.tiling}, min score ${s.minScore}: ${s.msPerFrame.toFixed(0)} ms per frame; holds (mean |rel| ≤ ${abs(figures.tolerance)} or MAE ≤ 1) ${holds}`,
    );
    for (const l of s.levels) {
      const label = l.grid === 1 ? 'real frames' : `${l.grid}×${l.grid} mosaics`;
      lines.push(
        `    ${label.padEnd(12)} true ${l.meanTruth.toFixed(1).padStart(5)} counted ${l.meanCounted.toFixed(1).padStart(5)}  MAE ${l.mae.toFixed(1).padStart(5)}  mean rel ${pct(l.meanRelError).padStart(5)}  mean |rel| ${abs(l.meanAbsRelError).padStart(4)}`,
      );
    }
  }
  return lines;
}
