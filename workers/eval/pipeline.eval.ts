// `npm run eval`: rule precision and recall on labelled track scenarios and on the real street clip; elephant
// recall and false alarms on camera-trap stills; crowd count error against the detector on the pedestrian video.
import path from 'node:path';
import { Detector, frameGeometry, prepareImage, sharedDir, tensorFromPackedFrame } from '@toc/models';
import { runClip } from '../src/pipeline/clip-runner';
import { PEDESTRIAN_SCENE, STREET_SCENE } from '@toc/server/db/demo-scenes';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { evaluateTrapImage } from '../src/rules/rule-engine';
import { countPeople, DEFAULT_CROWD_OPTIONS } from '../src/rules/crowd.rule';
import { toPixelScene } from '../src/rules/scene';
import { RULE_EVENT_TYPES, isRuleKind } from '../src/rules/rule-titles';
import { SCENARIOS } from '../src/rules/scenarios/scenarios';
import { runScenario, scoreRuns, type KindScore } from '../src/rules/scenarios/evaluate';
import { elephantImages, otherNegatives, trapNegatives, type EvalImage } from './trap-images';

const MODEL = 'yolox_nano_416';
const media = (name: string) => path.join(sharedDir(), 'media', name);
const pct = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
const isRoadKind = (kind: string) => isRuleKind(kind) && RULE_EVENT_TYPES[kind].startsWith('traffic.');

const detector = await Detector.load(MODEL, { threads: 2 });

// 1. Rules on labelled track scenarios.
const scores = scoreRuns(SCENARIOS.map((s) => runScenario(s)));
console.log(`rules on ${SCENARIOS.length} labelled track scenarios (${SCENARIOS.map((s) => s.name).join(', ')}):`);
for (const [kind, s] of Object.entries(scores)) {
  console.log(`  ${kind.padEnd(18)} precision ${pct(s.precision)} recall ${pct(s.recall)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`);
}

// 2. The real street clip is normal flow: any road incident it raises is a false alarm.
const streetFalse: string[] = [];
await runClip({
  file: media('odc_street_traffic_640x360_30fps.mp4'),
  detector,
  scene: sceneSetupOf(STREET_SCENE),
  fps: 5,
  gating: true,
  onFrame: ({ step }) => {
    for (const a of step.rules.incidentActions) if (a.action === 'open' && isRoadKind(a.signal.kind)) streetFalse.push(a.signal.kind);
  },
});
console.log(`real street clip (normal flow, 16.6 s at 5 fps): ${streetFalse.length} road incidents raised ${streetFalse.length ? `(${streetFalse.join(', ')})` : ''}`);

const road = Object.entries(scores).filter(([kind]) => isRoadKind(kind)).map(([, s]) => s);
const total = (pick: (s: KindScore) => number) => road.reduce((sum, s) => sum + pick(s), 0);
const tp = total((s) => s.truePositives);
const fp = total((s) => s.falsePositives) + streetFalse.length;
const fn = total((s) => s.falseNegatives);
const accidentPrecision = tp + fp ? tp / (tp + fp) : 0;
const accidentRecall = tp + fn ? tp / (tp + fn) : 0;

// 3. Elephants on camera-trap stills, through the same detector and rule as the trap endpoint.
async function sighting(image: EvalImage): Promise<{ seen: boolean; elephants: number }> {
  const prepared = await prepareImage(image.image, detector.manifest);
  const { detections } = await detector.detect(prepared.tensor, prepared);
  const signals = evaluateTrapImage(detections, Date.now());
  return { seen: signals.length > 0, elephants: detections.filter((d) => d.label === 'elephant' && d.score >= 0.5).length };
}
const positives = await elephantImages();
let found = 0;
for (const image of positives) {
  const result = await sighting(image);
  if (result.seen) found++;
  console.log(`  elephant still ${image.name}: ${result.seen ? 'sighting' : 'MISSED'} (${result.elephants} elephants)`);
}
const elephantRecall = found / positives.length;
let falseAlarms = 0;
for (const image of await trapNegatives()) {
  const result = await sighting(image);
  if (result.seen) falseAlarms++;
  console.log(`  negative still ${image.name}: ${result.seen ? 'FALSE ALARM' : 'silent'}`);
}
let otherAlarms = 0;
for (const image of await otherNegatives()) {
  const result = await sighting(image);
  if (result.seen) otherAlarms++;
  console.log(`  other animals ${image.name}: ${result.seen ? 'FALSE ALARM' : 'silent'}`);
}
console.log(`elephants: recall ${pct(elephantRecall)} on ${positives.length} stills; false alarms ${falseAlarms} on the blank and vehicle stills, ${otherAlarms} on other animals`);

// 4. Crowd count: the gated, tracked pipeline's count per frame against the detector run on every frame.
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
    const reference = detections ?? (await detector.detect(tensorFromPackedFrame(frame, detector.manifest), vtestScale)).detections;
    const frameAt = { t, frameWidth: 768, frameHeight: 576 };
    const referenceCount = countPeople({ ...frameAt, tracks: [], detections: reference }, zone, minScore);
    const pipelineCount = countPeople({ ...frameAt, tracks: step.tracks, detections: detections ?? [] }, zone, minScore);
    errors.push(Math.abs(pipelineCount - referenceCount));
    if (index === 50) countAt10s = pipelineCount;
  },
});
const crowdMae = errors.reduce((s, e) => s + e, 0) / Math.max(1, errors.length);
console.log(
  `crowd: mean absolute count error ${crowdMae.toFixed(2)} people over ${errors.length} frames (detector ran on ${summary.detected}, gate skipped ${summary.gated}); ` +
    `at t = 10 s the pipeline counts ${countAt10s} against ${REFERENCE_AT_10S} in the reference detections`,
);

// 5. Tiling: vehicles found per frame on the street clip with one 416 px view against a 2 × 1 grid of tiles.
const vehiclesPerFrame = async (tiling: 'none' | '2x1') => {
  let found = 0;
  const run = await runClip({
    file: media('odc_street_traffic_640x360_30fps.mp4'),
    detector,
    scene: sceneSetupOf(STREET_SCENE),
    fps: 2,
    gating: false,
    tiling,
    onFrame: ({ detections }) => void (found += (detections ?? []).filter((d) => ['car', 'bus', 'truck'].includes(d.label) && d.score >= 0.5).length),
  });
  return found / run.frames;
};
const untiled = await vehiclesPerFrame('none');
const tiled = await vehiclesPerFrame('2x1');
console.log(`tiling: ${untiled.toFixed(1)} vehicles per frame in one view, ${tiled.toFixed(1)} with 2 × 1 tiles (two inferences per frame)`);

console.log(
  `EVAL accident_precision=${accidentPrecision.toFixed(2)} accident_recall=${accidentRecall.toFixed(2)} ` +
    `elephant_recall=${elephantRecall.toFixed(2)} false_alarms=${falseAlarms} crowd_mae=${crowdMae.toFixed(2)}`,
);
await detector.close();
process.exit(0);
