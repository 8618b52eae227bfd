// `npm run eval:crowd -w @toc/workers`: crowd count error against hand counts on real and mosaic frames, per camera setup.
import { Detector } from '@toc/models';
import { DEFAULT_CROWD_OPTIONS } from '../src/rules/crowd.rule';
import { evaluateCrowdCounts, formatCrowdFigures } from './crowd-count';

/** The crowd rule's threshold before this evaluation lowered it, shown for comparison. */
const PREVIOUS_MIN_SCORE = 0.35;

const detector = await Detector.load(process.env.CROWD_MODEL ?? 'yolox_nano_416', { threads: 2 });
const minScores = [...new Set([PREVIOUS_MIN_SCORE, DEFAULT_CROWD_OPTIONS.detectionMinScore])];
const figures = await evaluateCrowdCounts({ detector, minScores });
console.log(
  `crowd counts against hand counts (${figures.realFrames} real frames of the pedestrian clip, and mosaics of them):`,
);
for (const line of formatCrowdFigures(figures)) console.log(line);
console.log(`EVAL crowd_mae=${figures.crowdMae.toFixed(2)}`);
await detector.close();
process.exit(0);
