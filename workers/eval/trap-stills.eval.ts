// `npm run eval:traps -w workers`: camera-trap stills — elephant recall on the dev photos (colour, grey, and as night
// traps write them: pink cast, data strip), artwork and negatives, time per still; the single-view path of before
// against the still path of now.
import { Detector, prepareImage, type Detection, type ObjectDetector } from '@toc/models';
import { evaluateTrapImage } from '../src/rules/rule-engine';
import { detectStill } from '../src/traps/still-detector';
import { DEFAULT_STILL_PATH_OPTIONS } from '../src/traps/still-options';
import {
  allNegatives,
  devElephantPhotos,
  elephantImages,
  greyscale,
  nightTrap,
  type EvalImage,
} from './trap-images';

const MODEL = process.env.TRAP_MODEL ?? 'yolox_nano_416';
const VERBOSE = process.argv.includes('--verbose');

interface Verdict {
  seen: boolean;
  detections: readonly Detection[];
}
type Method = (detector: ObjectDetector, image: Buffer) => Promise<Verdict>;

/** Before: one letterboxed view of the whole still, the rule's score threshold. */
const singleView: Method = async (detector, image) => {
  const prepared = await prepareImage(image, detector.manifest);
  const { detections } = await detector.detect(prepared.tensor, prepared);
  return { seen: evaluateTrapImage(detections, Date.now()).length > 0, detections };
};

interface SetResult {
  seen: number;
  total: number;
  ms: number[];
  missed: string[];
}

async function runSet(
  detector: ObjectDetector,
  method: Method,
  stills: readonly EvalImage[],
): Promise<SetResult> {
  const result: SetResult = { seen: 0, total: stills.length, ms: [], missed: [] };
  for (const still of stills) {
    const started = performance.now();
    const verdict = await method(detector, still.image);
    result.ms.push(performance.now() - started);
    if (verdict.seen) result.seen++;
    else result.missed.push(still.name);
    if (VERBOSE) {
      const top = verdict.detections
        .filter((d) => d.score >= 0.3)
        .map((d) => `${d.label} ${d.score.toFixed(2)}`)
        .join(', ');
      console.log(`    ${verdict.seen ? 'SEEN  ' : 'silent'} ${still.name}: ${top}`);
    }
  }
  return result;
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
const rate = (r: SetResult) => (r.total ? r.seen / r.total : 0).toFixed(2);

const detector = await Detector.load(MODEL, { threads: 2 });
// TRAP_GREY_MODEL=none: grey stills with the one model too.
const greyModel = process.env.TRAP_GREY_MODEL ?? DEFAULT_STILL_PATH_OPTIONS.greySecondModel;
const greyHelper =
  greyModel && greyModel !== 'none' && greyModel !== MODEL
    ? await Detector.load(greyModel, { threads: 2 })
    : undefined;
const photos = await devElephantPhotos();
const live = photos.filter((p) => p.live);
const artwork = photos.filter((p) => !p.live);
const liveGrey = await Promise.all(live.map((p) => greyscale(p)));
const artworkGrey = await Promise.all(artwork.map((p) => greyscale(p)));
const trapViews = await elephantImages();
const negatives = await allNegatives();
const negativesGrey = await Promise.all(negatives.map((p) => greyscale(p)));
// Grey as many night traps write it: a pink infrared cast and a data strip with a coloured logo.
const liveNight = await Promise.all(live.map((p) => nightTrap(p)));
const negativesNight = await Promise.all(negatives.map((p) => nightTrap(p)));

/** Now: the trap worker's still path (views fused, second look), the same rule. */
const stillPath: Method = async (detector, image) => {
  const { detections, objects } = await detectStill(
    detector,
    image,
    DEFAULT_STILL_PATH_OPTIONS,
    async () => greyHelper,
  );
  if (VERBOSE) {
    const big = objects.filter((o) => (o.scores.elephant ?? 0) > 0.1);
    const text = big.map(
      (o) =>
        `[${o.label} ${o.score.toFixed(2)} ele ${(o.scores.elephant ?? 0).toFixed(2)} ${o.found}/${o.voters} ${Object.entries(
          o.scores,
        )
          .map(([k, v]) => `${k}:${v.toFixed(2)}`)
          .join(' ')}]`,
    );
    if (text.length) console.log(`      ${text.join(' ')}`);
  }
  return {
    seen:
      evaluateTrapImage(detections, Date.now(), { trapMinScore: DEFAULT_STILL_PATH_OPTIONS.sightingMinScore })
        .length > 0,
    detections,
  };
};

const chosen = process.argv.includes('--now-only')
  ? []
  : [['before: single view', singleView] as [string, Method]];
const methods: [string, Method][] = [...chosen, ['now: still path', stillPath]];
const summary: string[] = [];
for (const [name, method] of methods) {
  console.log(
    `${name} (${MODEL}${name.startsWith('now') && greyHelper ? `; grey stills also ${greyModel}` : ''})`,
  );
  const sets: [string, readonly EvalImage[]][] = [
    ['live colour', live],
    ['live grey', liveGrey],
    ['live night trap', liveNight],
    ['artwork colour', artwork],
    ['artwork grey', artworkGrey],
    ['trap herd views', trapViews],
    ['negatives colour', negatives],
    ['negatives grey', negativesGrey],
    ['negatives night trap', negativesNight],
  ];
  const results: Record<string, SetResult> = {};
  for (const [set, stills] of sets) {
    if (VERBOSE) console.log(`  ${set}:`);
    results[set] = await runSet(detector, method, stills);
  }
  const r = (k: string) => results[k]!;
  console.log(
    `  live elephants, colour: recall ${rate(r('live colour'))} (${r('live colour').seen}/${r('live colour').total}) missed: ${r('live colour').missed.join(', ') || 'none'}`,
  );
  console.log(
    `  live elephants, grey:   recall ${rate(r('live grey'))} (${r('live grey').seen}/${r('live grey').total}) missed: ${r('live grey').missed.join(', ') || 'none'}`,
  );
  console.log(
    `  live elephants, night trap (pink cast, data strip): recall ${rate(r('live night trap'))} (${r('live night trap').seen}/${r('live night trap').total}) missed: ${r('live night trap').missed.join(', ') || 'none'}`,
  );
  console.log(
    `  camera-trap herd views: recall ${rate(r('trap herd views'))} (${r('trap herd views').seen}/${r('trap herd views').total})`,
  );
  console.log(
    `  artwork (drawn, painted, sculpted; lower is better): sightings ${r('artwork colour').seen}/${r('artwork colour').total} colour, ${r('artwork grey').seen}/${r('artwork grey').total} grey`,
  );
  for (const [set, stills] of [
    ['negatives colour', negatives],
    ['negatives grey', negativesGrey],
    ['negatives night trap', negativesNight],
  ] as const) {
    const missedSet = new Set(r(set).missed);
    for (const still of stills)
      console.log(
        `  negative ${still.name}: ${missedSet.has(still.name) ? 'silent' : 'SIGHTING (false alarm)'}`,
      );
  }
  const all = Object.values(results).flatMap((x) => x.ms);
  const ms = mean(all);
  console.log(
    `  time per still: mean ${ms.toFixed(0)} ms, max ${Math.max(...all).toFixed(0)} ms over ${all.length} stills`,
  );
  const negativeSets = ['negatives colour', 'negatives grey', 'negatives night trap'].map(r);
  const negativeSightings = negativeSets.reduce((sum, set) => sum + set.seen, 0);
  const negativeStills = negativeSets.reduce((sum, set) => sum + set.total, 0);
  summary.push(
    `TRAPS method="${name}" recall_colour=${rate(r('live colour'))} recall_grey=${rate(r('live grey'))} recall_night=${rate(r('live night trap'))} ` +
      `negatives_false=${negativeSightings}/${negativeStills} ` +
      `artwork_sightings=${r('artwork colour').seen + r('artwork grey').seen}/${r('artwork colour').total + r('artwork grey').total} ms_per_still=${ms.toFixed(0)}`,
  );
}
for (const line of summary) console.log(line);
await detector.close();
await greyHelper?.close();
process.exit(0);
