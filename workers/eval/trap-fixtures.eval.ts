// `npm run eval:trap-fixtures -w workers`: the trap's fixture memory on visits — drawn, painted and sculpted elephants
// standing where a trap sees them on every visit (lighting and framing vary a little), and live elephants arriving
// at one trap visit after visit: sightings with and without the memory.
import sharp from 'sharp';
import { Detector, type Detection } from '@toc/models';
import { evaluateTrapImage } from '../src/rules/rule-engine';
import { detectStill } from '../src/traps/still-detector';
import { DEFAULT_STILL_PATH_OPTIONS } from '../src/traps/still-options';
import { DEFAULT_FIXTURE_MEMORY, setFixturesAside, type RememberedObject } from '../src/traps/fixture-memory';
import { devElephantPhotos, elephantImages, greyscale, type EvalImage } from './trap-images';

const MODEL = process.env.TRAP_MODEL ?? 'yolox_nano_416';
const VISITS = Number(process.env.FIXTURE_VISITS ?? 6);
const VISIT_GAP_MS = 6 * 3_600_000;
const VERBOSE = process.argv.includes('--verbose');
// FIXTURE_MAX_AREA: try another largest fixture box (share of the still) than the default.
const MEMORY = {
  ...DEFAULT_FIXTURE_MEMORY,
  maxAreaShare: Number(process.env.FIXTURE_MAX_AREA ?? DEFAULT_FIXTURE_MEMORY.maxAreaShare),
};

const detector = await Detector.load(MODEL, { threads: 2 });
const greyModel = DEFAULT_STILL_PATH_OPTIONS.greySecondModel;
const greyHelper = greyModel ? await Detector.load(greyModel, { threads: 2 }) : undefined;

interface Seen {
  detections: Detection[];
  width: number;
  height: number;
}

const look = async (image: Buffer): Promise<Seen> =>
  detectStill(detector, image, DEFAULT_STILL_PATH_OPTIONS, async () => greyHelper);

const sighting = (detections: readonly Detection[]) =>
  evaluateTrapImage(detections, 0, { trapMinScore: DEFAULT_STILL_PATH_OPTIONS.sightingMinScore }).length > 0;

/** Visit `n` of a fixed scene: the light a little brighter or darker, the framing nudged by up to 1 %. */
async function revisit(image: Buffer, n: number): Promise<Buffer> {
  if (n === 0) return image;
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const nudge = Math.round(Math.min(width, height) * 0.01 * ((n % 3) - 1));
  const brightness = [1, 0.9, 1.1, 0.95, 1.05][n % 5]!;
  return sharp(image)
    .extract({
      left: Math.max(0, nudge),
      top: Math.max(0, -nudge),
      width: width - Math.abs(nudge),
      height: height - Math.abs(nudge),
    })
    .resize(width, height, { fit: 'fill' })
    .modulate({ brightness })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * One trap's stills in order, each judged with the memory of those before it: sightings without it, with it, and with
 * it when an operator marks every sighting of the trap a false alarm (as for a statue).
 */
function replay(
  stills: readonly { name: string; seen: Seen; takenAt: number }[],
  operatorDismisses: boolean,
) {
  const history: RememberedObject[] = [];
  const verdicts = [];
  for (const { name, seen, takenAt } of stills) {
    const judged = setFixturesAside(seen.detections, seen, history, MEMORY);
    const raised = sighting(judged.live);
    verdicts.push({ name, without: sighting(seen.detections), with: raised });
    const dismissed = operatorDismisses && raised;
    history.push(...judged.remember.map((r) => ({ takenAt, box: r.box, dismissed })));
  }
  return verdicts;
}

const photos = await devElephantPhotos();
const artwork = photos.filter((p) => !p.live);
const live = photos.filter((p) => p.live);
const artworkBoth = [...artwork, ...(await Promise.all(artwork.map((p) => greyscale(p))))];

// Drawn and sculpted elephants at a trap: each its own trap, visited VISITS times 6 h apart.
const later = { without: 0, memory: 0, dismissed: 0 };
for (const still of artworkBoth) {
  const visits = [];
  for (let n = 0; n < VISITS; n++)
    visits.push({
      name: `${still.name} visit ${n + 1}`,
      seen: await look(await revisit(still.image, n)),
      takenAt: n * VISIT_GAP_MS,
    });
  const byMemory = replay(visits, false);
  const byOperator = replay(visits, true);
  const count = (verdicts: typeof byMemory, key: 'with' | 'without') =>
    verdicts.slice(1).filter((v) => v[key]).length;
  later.without += count(byMemory, 'without');
  later.memory += count(byMemory, 'with');
  later.dismissed += count(byOperator, 'with');
  if (VERBOSE) {
    const marks = (verdicts: typeof byMemory) =>
      verdicts.map((v) => (v.with ? 'S' : v.without ? 'f' : '.')).join('');
    console.log(`  ${still.name}: memory ${marks(byMemory)} operator ${marks(byOperator)}`);
  }
}
const laterTotal = artworkBoth.length * (VISITS - 1);
console.log(
  `artwork at a trap (${artworkBoth.length} scenes × ${VISITS} visits 6 h apart), visits 2–${VISITS} raising a sighting: ` +
    `${later.without}/${laterTotal} without the memory, ${later.memory}/${laterTotal} with it, ` +
    `${later.dismissed}/${laterTotal} with it once an operator marks the trap's sightings false alarms`,
);

// Live elephants arriving at one trap visit after visit (every dev photo, then the herd views, 6 h apart):
// a sighting the memory takes away is a live elephant missed.
const arrivals: EvalImage[] = [
  ...live,
  ...(await Promise.all(live.map((p) => greyscale(p)))),
  ...(await elephantImages()),
];
const stills = [];
for (const [n, still] of arrivals.entries())
  stills.push({ name: still.name, seen: await look(still.image), takenAt: n * VISIT_GAP_MS });
const verdicts = replay(stills, false);
const without = verdicts.filter((v) => v.without).length;
const withMemory = verdicts.filter((v) => v.with).length;
const lost = verdicts.filter((v) => v.without && !v.with).map((v) => v.name);
console.log(
  `live elephants at one trap (${arrivals.length} visits): sightings ${without} without the memory, ${withMemory} with it; lost: ${lost.join(', ') || 'none'}`,
);
console.log(
  `FIXTURES visits=${VISITS} artwork_later_without=${later.without}/${laterTotal} artwork_later_memory=${later.memory}/${laterTotal} ` +
    `artwork_later_dismissed=${later.dismissed}/${laterTotal} live_sightings=${withMemory}/${without}`,
);
await detector.close();
await greyHelper?.close();
process.exit(0);
