// `npm run eval`: rules on labelled track scenarios (regression), road alarms on the real crash and street clips,
// elephant recall and false alarms on stills, crowd count error on the pedestrian video.
import path from 'node:path';
import { Detector, frameGeometry, sharedDir, tensorFromPackedFrame } from '@toc/models';
import { runClip } from '../src/pipeline/clip-runner';
import { PEDESTRIAN_SCENE, STREET_SCENE } from '@toc/server/db/demo-scenes';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { evaluateTrapImage } from '../src/rules/rule-engine';
import { detectStill } from '../src/traps/still-detector';
import { DEFAULT_STILL_PATH_OPTIONS } from '../src/traps/still-options';
import { countPeople, DEFAULT_CROWD_OPTIONS } from '../src/rules/crowd.rule';
import { toPixelScene } from '../src/rules/scene';
import { SCENARIOS } from '../src/rules/scenarios/scenarios';
import { runScenario, scoreRuns } from '../src/rules/scenarios/evaluate';
import { evaluateCrowdCounts } from './crowd-count';
import { evaluateRoadClips } from './road-clips.eval';
import { allNegatives, devElephantPhotos, elephantImages, type EvalImage } from './trap-images';

const MODEL = 'yolox_nano_416';
const media = (name: string) => path.join(sharedDir(), 'media', name);
const pct = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));

const detector = await Detector.load(MODEL, { threads: 2 });

// 1. Rules on labelled track scenarios.
const scores = scoreRuns(SCENARIOS.map((s) => runScenario(s)));
console.log(
  `rules on ${SCENARIOS.length} labelled track scenarios (${SCENARIOS.map((s) => s.name).join(', ')}):`,
);
for (const [kind, s] of Object.entries(scores)) {
  console.log(
    `  ${kind.padEnd(18)} precision ${pct(s.precision)} recall ${pct(s.recall)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
  );
}

// 2. Road alarms on real footage: the labelled crash clips and the normal street clip.
console.log(
  `road alarms on real footage (${process.env.EVAL_DETECT_FPS ?? 5} detect fps, a roadway zone over the carriageway):`,
);
const road = await evaluateRoadClips(detector, (line) => console.log(line));
console.log(
  `accidents on real clips: recall ${pct(road.recall)}, precision ${pct(road.precision)}, mean delay ` +
    `${road.meanDelayS === null ? 'n/a' : `${road.meanDelayS.toFixed(1)} s`}; stopped vehicles reported ${road.stoppedReported}; ` +
    `${road.separateAlarms} separate alarms for crashes already raised; ${road.falseAlarms} false alarms`,
);

// 3. Elephants on stills through the trap path (views, fusion, second look): the live dev photos and the negatives.
async function sighting(image: EvalImage): Promise<boolean> {
  const { detections } = await detectStill(detector, image.image, DEFAULT_STILL_PATH_OPTIONS);
  const trapMinScore = DEFAULT_STILL_PATH_OPTIONS.sightingMinScore;
  return evaluateTrapImage(detections, Date.now(), { trapMinScore }).length > 0;
}
const positives = [...(await elephantImages()), ...(await devElephantPhotos()).filter((p) => p.live)];
let found = 0;
const missed: string[] = [];
for (const image of positives) {
  if (await sighting(image)) found++;
  else missed.push(image.name);
}
const elephantRecall = found / positives.length;
const stillAlarms: string[] = [];
for (const image of await allNegatives()) if (await sighting(image)) stillAlarms.push(image.name);
console.log(
  `elephants: recall ${pct(elephantRecall)} on ${positives.length} stills (missed: ${missed.join(', ') || 'none'}); ` +
    `sightings on ${stillAlarms.length} negatives${stillAlarms.length ? ` (${stillAlarms.join(', ')})` : ''}`,
);

// 4. Crowd count consistency: the gated, tracked pipeline's count per frame against the detector on every frame.
const crowdScene = sceneSetupOf(PEDESTRIAN_SCENE);
const zone = toPixelScene(crowdScene.zones, [], 768, 576).zones[0]!;
const vtestScale = frameGeometry(detector.manifest, 768, 576);
const REFERENCE_AT_10S = 8; // persons in ../shared/models/expected for the frame at t = 10 s
let countAt10s: number | null = null;
const errors: number[] = [];
const minScore = DEFAULT_CROWD_OPTIONS.detectionMinScore;
const summary = await runClip({
  file: media('opencv_vtest.avi'),
  detector,
  scene: crowdScene,
  fps: 5,
  gating: true,
  maxFrames: 5 * 60,
  onFrame: async ({ index, frame, t, detections, step }) => {
    const reference =
      detections ??
      (await detector.detect(tensorFromPackedFrame(frame, detector.manifest), vtestScale)).detections;
    const frameAt = { t, frameWidth: 768, frameHeight: 576 };
    const referenceCount = countPeople({ ...frameAt, tracks: [], detections: reference }, zone, minScore);
    const pipelineCount = countPeople(
      { ...frameAt, tracks: step.tracks, detections: detections ?? [] },
      zone,
      minScore,
    );
    errors.push(Math.abs(pipelineCount - referenceCount));
    if (index === 50) countAt10s = pipelineCount;
  },
});
const crowdMae = errors.reduce((s, e) => s + e, 0) / Math.max(1, errors.length);
console.log(
  `crowd: mean absolute count error ${crowdMae.toFixed(2)} people over ${errors.length} frames (detector ran on ${summary.detected}, gate skipped ${summary.gated}); ` +
    `at t = 10 s the pipeline counts ${countAt10s} against ${REFERENCE_AT_10S} in the reference detections`,
);

// 5. Tiling: vehicles found per frame on the street clip with one 416 px view against a 2 × 1 grid of tiles, and
// against both.
const vehiclesPerFrame = async (tiling: 'none' | '2x1' | 'whole+2x1') => {
  let found = 0;
  const run = await runClip({
    file: media('odc_street_traffic_640x360_30fps.mp4'),
    detector,
    scene: sceneSetupOf(STREET_SCENE),
    fps: 2,
    gating: false,
    tiling,
    onFrame: ({ detections }) =>
      void (found += (detections ?? []).filter(
        (d) => ['car', 'bus', 'truck'].includes(d.label) && d.score >= 0.5,
      ).length),
  });
  return found / run.frames;
};
const untiled = await vehiclesPerFrame('none');
const tiled = await vehiclesPerFrame('2x1');
const both = await vehiclesPerFrame('whole+2x1');
console.log(
  `tiling: ${untiled.toFixed(1)} vehicles per frame in one view, ${tiled.toFixed(1)} with 2 × 1 tiles (two inferences per frame), ` +
    `${both.toFixed(1)} with the whole picture and 2 × 1 tiles (three)`,
);

// 6. Crowd count against hand counts on real frames of the pedestrian clip (untiled camera, default threshold).
const crowdCounts = await evaluateCrowdCounts({ detector, grids: [1], tilings: ['none'] });
console.log(
  `crowd vs hand counts: MAE ${crowdCounts.crowdMae.toFixed(2)} people on ${crowdCounts.realFrames} real frames ` +
    '(denser mosaics and tiled cameras: npm run eval:crowd -w @toc/workers)',
);

console.log(
  `EVAL accident_recall=${road.recall.toFixed(2)} accident_precision=${road.precision.toFixed(2)} ` +
    `mean_delay_s=${road.meanDelayS === null ? 'n/a' : road.meanDelayS.toFixed(1)} elephant_recall=${elephantRecall.toFixed(2)} ` +
    `false_alarms=${road.falseAlarms + stillAlarms.length} crowd_mae=${crowdCounts.crowdMae.toFixed(2)}`,
);
await detector.close();
process.exit(0);
