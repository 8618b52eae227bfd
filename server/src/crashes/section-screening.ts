// HSM network screening by sliding window, in memory, over the places of crashes along each road (100 m road bins or
// the crashes' own places): the windows of each road, the Empirical Bayes estimate per road class, one window per hot
// spot, and the ranking. A country's 50,000 bins make 80,000 windows, screened here in tens of milliseconds where
// making and grouping them in PostgreSQL took half a second. The windows live in typed arrays, one per field: an object per window measured 3× slower (allocation
// and garbage collection), and only the listed windows become objects.
import type { RankBy } from '../schemas';

/** A road's places holding crashes (bins, or crashes), as columns: metres from its start, ascending, and sums. */
export interface RoadPlaces {
  basis: 'km' | 'osm_line';
  roadKey: string;
  /** The road class of the Empirical Bayes reference population. */
  roadClass: string;
  posM: readonly number[];
  crashes: readonly number[];
  deaths: readonly number[];
  serious: readonly number[];
  minor: readonly number[];
  epdo: readonly number[];
}

export interface ScreenedWindow {
  basis: 'km' | 'osm_line';
  roadKey: string;
  roadClass: string;
  startM: number;
  crashes: number;
  deaths: number;
  serious: number;
  minor: number;
  epdo: number;
  predicted: number;
  ebExpected: number;
  blackSpot: boolean;
}

export interface ScreeningOptions {
  lengthM: number;
  stepM: number;
  rankBy: RankBy;
  overlapping: boolean;
  minCrashes: number;
  minDeaths: number | null;
  limit: number;
}

export interface Screening {
  /** The first `limit` windows, in rank order. */
  listed: ScreenedWindow[];
  /** Windows ranked (after one per hot spot unless overlapping), and of those the black spots. */
  total: number;
  blackSpots: number;
}

/** The windows of every road, a field per array; window i is on road `road[i]`. */
class WindowTable {
  readonly road: Int32Array;
  readonly start: Float64Array;
  readonly crashes: Float64Array;
  readonly deaths: Float64Array;
  readonly serious: Float64Array;
  readonly minor: Float64Array;
  readonly epdo: Float64Array;
  readonly predicted: Float64Array;
  readonly ebExpected: Float64Array;
  size = 0;

  constructor(capacity: number) {
    const column = () => new Float64Array(capacity);
    this.road = new Int32Array(capacity);
    this.start = column();
    this.crashes = column();
    this.deaths = column();
    this.serious = column();
    this.minor = column();
    this.epdo = column();
    this.predicted = column();
    this.ebExpected = column();
  }

  push(road: number, startM: number): void {
    this.road[this.size] = road;
    this.start[this.size] = startM;
    this.size += 1;
  }

  /** Adds place `p` of `road` to window i. */
  add(i: number, road: RoadPlaces, p: number): void {
    this.crashes[i] = this.crashes[i]! + road.crashes[p]!;
    this.deaths[i] = this.deaths[i]! + road.deaths[p]!;
    this.serious[i] = this.serious[i]! + road.serious[p]!;
    this.minor[i] = this.minor[i]! + road.minor[p]!;
    this.epdo[i] = this.epdo[i]! + road.epdo[p]!;
  }
}

/**
 * Every window holding one of a road's places: a place p lies in the windows starting at k·step for
 * p − length < k·step ≤ p (k ≥ 0). Along the places both ends of that range only grow, so the windows are made in order
 * of their start and a place's windows are the last ones made.
 */
function addRoadWindows(table: WindowTable, index: number, road: RoadPlaces, lengthM: number, stepM: number) {
  const first = table.size;
  road.posM.forEach((posM, p) => {
    const lowest = Math.max(0, Math.floor((posM - lengthM) / stepM) + 1);
    const highest = Math.floor(posM / stepM);
    const made = table.size > first ? table.start[table.size - 1]! / stepM : -1;
    for (let k = Math.max(lowest, made + 1); k <= highest; k += 1) table.push(index, k * stepM);
    for (let i = table.size - 1; i >= first && table.start[i]! >= lowest * stepM; i -= 1)
      table.add(i, road, p);
  });
}

/**
 * Empirical Bayes per road class (method of moments: variance = μ + kμ², over every window of the class's roads, those
 * with no crash included): a window's expected crashes lean from its own count towards the class mean μ by the weight
 * 1 / (1 + kμ). Written as the SQL computes it, for the same doubles.
 */
function estimate(
  table: WindowTable,
  roadClasses: readonly string[],
  populations: ReadonlyMap<string, number>,
) {
  const sums = new Map<string, { crashes: number; squares: number }>();
  for (let i = 0; i < table.size; i += 1) {
    const roadClass = roadClasses[table.road[i]!]!;
    const sum = sums.get(roadClass) ?? { crashes: 0, squares: 0 };
    sum.crashes += table.crashes[i]!;
    sum.squares += table.crashes[i]! ** 2;
    sums.set(roadClass, sum);
  }
  const moments = new Map<string, { mu: number; m2: number }>();
  for (const [roadClass, sum] of sums) {
    const population = populations.get(roadClass) ?? NaN;
    moments.set(roadClass, { mu: sum.crashes / population, m2: sum.squares / population });
  }
  for (let i = 0; i < table.size; i += 1) {
    const { mu, m2 } = moments.get(roadClasses[table.road[i]!]!)!;
    table.predicted[i] = mu;
    table.ebExpected[i] =
      mu + (table.crashes[i]! - mu) * (1 - 1 / (1 + Math.max(0, (m2 - mu ** 2 - mu) / mu ** 2) * mu));
  }
}

/** The values a window is ranked by, each descending (as RANK_KEYS of the SQL ranking). */
const RANK_COLUMNS: Record<RankBy, (t: WindowTable) => Float64Array[]> = {
  epdo: (t) => [t.epdo, t.crashes, t.deaths],
  crashes: (t) => [t.crashes, t.epdo, t.deaths],
  deaths: (t) => [t.deaths, t.epdo, t.crashes],
  eb_excess: (t) => [t.ebExpected.map((expected, i) => expected - t.predicted[i]!), t.crashes, t.epdo],
};
const KEY_SIZE = 4;

/** Each window's key: its rank values, then its start negated (the earlier of equal windows ranks first). */
function rankKeys(table: WindowTable, rankBy: RankBy): Float64Array {
  const keys = new Float64Array(table.size * KEY_SIZE);
  const columns = [...RANK_COLUMNS[rankBy](table), table.start.map((start) => -start)];
  for (let i = 0; i < table.size; i += 1) {
    for (let n = 0; n < KEY_SIZE; n += 1) keys[i * KEY_SIZE + n] = columns[n]![i]!;
  }
  return keys;
}

/** Positive when window a ranks above window b. */
function compareKeys(keys: Float64Array, a: number, b: number): number {
  for (let n = 0; n < KEY_SIZE; n += 1) {
    const x = keys[a * KEY_SIZE + n]!;
    const y = keys[b * KEY_SIZE + n]!;
    if (x !== y) return x > y ? 1 : -1;
  }
  return 0;
}

/**
 * One window per hot spot: a window is kept when its key is the greatest of the windows on its road starting less
 * than a length away. Windows are in order of road and start.
 */
function peaks(table: WindowTable, keys: Float64Array, lengthM: number): number[] {
  const kept: number[] = [];
  let from = 0;
  for (let i = 0; i < table.size; i += 1) {
    const road = table.road[i]!;
    const start = table.start[i]!;
    while (table.road[from] !== road || table.start[from]! <= start - lengthM) from += 1;
    let best = true;
    for (
      let j = from;
      best && j < table.size && table.road[j] === road && table.start[j]! < start + lengthM;
      j += 1
    ) {
      if (compareKeys(keys, j, i) > 0) best = false;
    }
    if (best) kept.push(i);
  }
  return kept;
}

/** Byte order of the road keys, as the SQL's COLLATE "C" (code point order is UTF-8 byte order). */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/**
 * Screens the roads: `populations` is the number of windows along all the roads of each class (those with no crash
 * included), the Empirical Bayes reference population.
 */
export function screenRoadPlaces(
  roads: readonly RoadPlaces[],
  populations: ReadonlyMap<string, number>,
  options: ScreeningOptions,
): Screening {
  const places = roads.reduce((sum, road) => sum + road.posM.length, 0);
  const table = new WindowTable(places * Math.ceil(options.lengthM / options.stepM));
  roads.forEach((road, index) => addRoadWindows(table, index, road, options.lengthM, options.stepM));
  estimate(
    table,
    roads.map((road) => road.roadClass),
    populations,
  );
  const keys = rankKeys(table, options.rankBy);
  const kept = options.overlapping
    ? Array.from({ length: table.size }, (_, i) => i)
    : peaks(table, keys, options.lengthM);
  const roadOf = (i: number) => roads[table.road[i]!]!;
  kept.sort(
    (a, b) =>
      compareKeys(keys, b, a) ||
      compareText(roadOf(a).basis, roadOf(b).basis) ||
      compareText(roadOf(a).roadKey, roadOf(b).roadKey) ||
      table.start[a]! - table.start[b]!,
  );
  const isBlackSpot = (i: number) =>
    table.crashes[i]! >= options.minCrashes ||
    (options.minDeaths !== null && table.deaths[i]! >= options.minDeaths);
  const listed = kept.slice(0, options.limit).map((i): ScreenedWindow => {
    const { basis, roadKey, roadClass } = roadOf(i);
    return {
      basis,
      roadKey,
      roadClass,
      startM: table.start[i]!,
      crashes: table.crashes[i]!,
      deaths: table.deaths[i]!,
      serious: table.serious[i]!,
      minor: table.minor[i]!,
      epdo: table.epdo[i]!,
      predicted: table.predicted[i]!,
      ebExpected: table.ebExpected[i]!,
      blackSpot: isBlackSpot(i),
    };
  });
  return { listed, total: kept.length, blackSpots: kept.filter(isBlackSpot).length };
}
