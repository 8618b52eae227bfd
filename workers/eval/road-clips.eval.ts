// Road alarms on real footage: each labelled crash clip and the normal street clip through the camera pipeline, scored
// against the ground truth (crash found and how fast, stopped vehicles, separate and false alarms).
import path from 'node:path';
import { sharedDir, type ObjectDetector } from '@toc/models';
import { STREET_SCENE } from '@toc/server/db/demo-scenes';
import { seededRandom } from '@toc/server/lib/seeded-random';
import { runClip } from '../src/pipeline/clip-runner';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { viewsOf, type ClipView } from './clip-views';
import type { Tiling } from '@toc/server/schemas';
import { CRASH_CLIPS, type LabelledClip } from './crash-clips';
import { scoreClip, summariseAccidents, type ClipScore, type RaisedIncident } from './incident-score';

/** A camera's default detect rate; EVAL_DETECT_FPS checks that the rules do not hang on one rate. */
const DETECT_FPS = Number(process.env.EVAL_DETECT_FPS ?? 5);
/**
 * Share of frames dropped at random, as on a worker that falls behind: EVAL_DROP_PCT=20. EVAL_DROP_SEED varies which;
 * EVAL_DROP_SEEDS=6 runs every clip with that many seeds from it (one draw of drops decides whether the few frames
 * around an impact were kept, so a single run says little).
 */
/** EVAL_TILING=2x2: the clips through a camera that detects on tiles (for far views), as its setup offers. */
const TILING = process.env.EVAL_TILING as Tiling | undefined;
const DROP_SHARE = Number(process.env.EVAL_DROP_PCT ?? 0) / 100;
const DROP_SEED = Number(process.env.EVAL_DROP_SEED ?? 20_261_206);
const DROP_SEEDS = DROP_SHARE > 0 ? Math.max(1, Number(process.env.EVAL_DROP_SEEDS ?? 1)) : 1;
const START_MS = Date.parse('2026-01-01T00:00:00Z');

export const STREET_CLIP: LabelledClip = {
  name: 'normal street traffic',
  file: 'odc_street_traffic_640x360_30fps.mp4',
  scene: STREET_SCENE,
  impactS: null,
  stoppedS: null,
};

export interface ClipRun {
  view: ClipView;
  fps: number;
  seed: number;
}

/** The road incidents a clip's run raised, in seconds of the file (a view that starts late is shifted back). */
export async function roadIncidents(
  detector: ObjectDetector,
  clip: LabelledClip,
  { view, fps, seed }: ClipRun,
): Promise<RaisedIncident[]> {
  const raised: RaisedIncident[] = [];
  const random = seededRandom(seed);
  const fileS = (t: number) => (t - START_MS) / 1000 + view.startS;
  await runClip({
    file: path.join(sharedDir(), 'media', clip.file),
    detector,
    scene: sceneSetupOf(view.scene),
    fps,
    gating: true,
    startMs: START_MS,
    ...(TILING ? { tiling: TILING } : {}),
    ...(view.filter ? { viewFilter: view.filter } : {}),
    ...(DROP_SHARE > 0 ? { skipFrame: () => random() < DROP_SHARE } : {}),
    onFrame: ({ t, step }) => {
      for (const action of step.rules.incidentActions) {
        if (action.action !== 'open' || !action.signal.type.startsWith('traffic.')) continue;
        raised.push({
          type: action.signal.type,
          kind: action.signal.kind,
          openedS: fileS(t),
          onsetS: fileS(action.signal.onset),
        });
      }
    },
  });
  return raised;
}

const seconds = (s: number) => `${s.toFixed(1)} s`;
const signed = (s: number) => `${s >= 0 ? '+' : ''}${s.toFixed(1)} s`;
const listed = (incidents: readonly RaisedIncident[]) =>
  incidents.map((i) => `${i.kind} at ${seconds(i.openedS)}`).join(', ') || 'none';

function describe(clip: LabelledClip, score: ClipScore): string {
  const parts: string[] = [];
  if (clip.impactS !== null) {
    parts.push(
      score.accident
        ? `crash at ${seconds(clip.impactS)} → accident after ${seconds(score.accident.delayS)} (onset ${signed(score.accident.onsetErrorS)})`
        : `crash at ${seconds(clip.impactS)} → MISSED`,
    );
  }
  if (clip.stoppedS !== null) {
    parts.push(
      score.stoppedDelayS === null
        ? `vehicles stopped at ${seconds(clip.stoppedS)} → never reported`
        : `vehicles stopped at ${seconds(clip.stoppedS)} → reported after ${seconds(score.stoppedDelayS)}`,
    );
  }
  if (clip.impactS !== null) parts.push(`separate alarms for the crash: ${listed(score.separate)}`);
  parts.push(`false alarms: ${listed(score.falseAlarms)}`);
  return `  ${clip.name}: ${parts.join('; ')}`;
}

export interface RoadEvalOptions {
  /** Also every other view of each clip (mirrored, grey, a late start), at each of these detect rates. */
  views?: { rates: readonly number[]; only?: string };
}

/** Runs every clip, prints a line per clip, returns the summary over them. */
export async function evaluateRoadClips(
  detector: ObjectDetector,
  log: (line: string) => void,
  options: RoadEvalOptions = {},
) {
  const scored = [];
  for (let seed = DROP_SEED; seed < DROP_SEED + DROP_SEEDS; seed++) {
    if (DROP_SEEDS > 1) log(`frames dropped at random: ${DROP_SHARE * 100} %, seed ${seed}`);
    for (const clip of [...CRASH_CLIPS, STREET_CLIP]) {
      const views = options.views
        ? viewsOf(clip).filter((view) => !options.views?.only || view.name.includes(options.views.only))
        : viewsOf(clip).slice(0, 1);
      for (const view of views) {
        for (const fps of options.views?.rates ?? [DETECT_FPS]) {
          const score = scoreClip(await roadIncidents(detector, clip, { view, fps, seed }), clip);
          const run = options.views ? ` [${view.name}, ${fps} fps]` : '';
          log(describe({ ...clip, name: `${clip.name}${run}` }, score));
          scored.push({ truth: clip, score });
        }
      }
    }
  }
  const stoppedDelays = scored.flatMap((s) =>
    s.score.stoppedDelayS === null ? [] : [s.score.stoppedDelayS],
  );
  return {
    ...summariseAccidents(scored),
    separateAlarms: scored.reduce((n, s) => n + s.score.separate.length, 0),
    stoppedReported: `${stoppedDelays.length}/${scored.filter((s) => s.truth.stoppedS !== null).length}`,
  };
}
