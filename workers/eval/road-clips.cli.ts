// `npm run eval:road -w @toc/workers` (EVAL_DETECT_FPS=4 … to try other detect rates; EVAL_DROP_PCT=35
// EVAL_DROP_SEEDS=6 to drop frames at random as a busy worker does; EVAL_VIEWS=1 to run every clip also mirrored, grey
// in low resolution and starting a second before the impact, at EVAL_VIEW_RATES (default 4,5,6,8) detect fps;
// EVAL_VIEW_ONLY=grey for the views whose name has it; EVAL_TILING=2x2 for a tiled camera): only the road alarms on the real crash and street clips, as
// `npm run eval` prints them.
import { Detector } from '@toc/models';
import { evaluateRoadClips } from './road-clips.eval';

const rates = (process.env.EVAL_VIEW_RATES ?? '4,5,6,8').split(',').map(Number);
const views = process.env.EVAL_VIEWS === '1';
const only = process.env.EVAL_VIEW_ONLY;
const detector = await Detector.load(process.env.EVAL_MODEL ?? 'yolox_nano_416', { threads: 2 });
const road = await evaluateRoadClips(
  detector,
  (line) => console.log(line),
  views ? { views: { rates, ...(only ? { only } : {}) } } : {},
);
console.log(
  `EVAL road ${views ? `views=${only ?? 'all'} rates=${rates.join(',')}` : `fps=${process.env.EVAL_DETECT_FPS ?? 5}`} ` +
    `drop_pct=${process.env.EVAL_DROP_PCT ?? 0} ` +
    `seeds=${process.env.EVAL_DROP_PCT ? (process.env.EVAL_DROP_SEEDS ?? 1) : 1} crashes=${road.crashes} ` +
    `accident_recall=${road.recall.toFixed(2)} accident_precision=${road.precision.toFixed(2)} ` +
    `mean_delay_s=${road.meanDelayS?.toFixed(1) ?? 'n/a'} on_time=${road.onTime}/${road.crashes} ` +
    `separate=${road.separateAlarms} false_alarms=${road.falseAlarms}`,
);
await detector.close();
