// `npm run bench:hotspots`: the planners' crash analyses at national scale against their goals, and the importer
// against the raw limit.
// - import: the real importer over the real files (DOH 2012 CSV + national fatal points, snapping included) against a
//   plain COPY of the same rows and columns, alternating arms, median of each; import_ratio = importer rows/s ÷ COPY
//   rows/s (≤ 1, higher is better);
// - queries over 1,000,000 crashes resampled from the real national points: heatmap tile (goal p95 ≤ 50 ms), road
//   ranking, DBSCAN clusters and Gi* hot spots (goal p95 ≤ 300 ms each), each as its route runs it.
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool } from '@toc/server/db/pool';
import { createTestSchema, testConfig } from '@toc/server/testing';
import { ensureAreas } from '../src/crashes/areas';
import { ensureRoadNetwork, roadNetworkFile } from '../src/crashes/road-network';
import { SNAP_DISTANCE_M } from '../src/crashes/snap-distance';
import { snapUnsnappedCrashes } from '../src/repositories/crashes.repository';
import { percentile } from './camera-finder.bench-lib';
import { clusterCases, gistarCases, rankingCases, tileCases } from './hotspots-cases';
import { copyRows, emptyCrashes, importRealFiles, readImportedRows, rebuildCells } from './hotspots-import';
import { addResampledCrashes, storeCounts } from './hotspots-resample';
import { timeCases, type KindTiming, type QueryCase } from './hotspots-timing';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CRASHES = env('BENCH_HOTSPOTS_CRASHES', 1_000_000);
const ROUNDS = env('BENCH_HOTSPOTS_ROUNDS', 3);
/** Timed runs per query kind (the cases in turn). */
const RUNS = env('BENCH_HOTSPOTS_RUNS', 20);
/** Resampled crashes snapped by the real snapping before the rest are added unsnapped (default: all). */
const SNAP_MAX = env('BENCH_HOTSPOTS_SNAP_MAX', Infinity);
/** Leave the schema for a look afterwards (EXPLAIN); its name is printed. */
const KEEP = process.env.BENCH_HOTSPOTS_KEEP === '1';
const TILE_GOAL_MS = 50;
const QUERY_GOAL_MS = 300;

const median = (values: number[]) => percentile(values, 50);
const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
};
const ms = (value: number) => value.toFixed(1);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

const schema = await createTestSchema();
// Ranking runs two queries at once (as its route does): a few connections.
const db = createPool(schema.databaseUrl, 4);
const { sharedDir } = testConfig(schema.databaseUrl);
try {
  await applyMigrations(db);
  const [[areas, roads], setupS] = await seconds(async () => [
    await ensureAreas(db, sharedDir),
    await ensureRoadNetwork(db, roadNetworkFile(sharedDir)),
  ]);
  console.error(`${areas} areas, ${roads} road lines loaded in ${setupS.toFixed(1)} s`);

  // Import: an untimed first run warms the files and the plans and gives the rows the COPY arm replays.
  const realRows = await importRealFiles(db, sharedDir);
  const csv = await readImportedRows(db);
  const importRate: number[] = [];
  const copyRate: number[] = [];
  const arms = {
    import: async () => {
      await emptyCrashes(db);
      const [rows, s] = await seconds(() => importRealFiles(db, sharedDir));
      importRate.push(rows / s);
    },
    copy: async () => {
      await emptyCrashes(db);
      const [rows, s] = await seconds(() => copyRows(db, csv));
      copyRate.push(rows / s);
    },
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternating which arm goes first: neither always meets the other's dirty pages or autovacuum.
    const order = round % 2 === 0 ? (['import', 'copy'] as const) : (['copy', 'import'] as const);
    for (const arm of order) await arms[arm]();
    console.error(
      `import round ${round + 1}: importer ${thousands(importRate.at(-1)!)} rows/s, COPY ${thousands(copyRate.at(-1)!)} rows/s`,
    );
  }
  // The table now holds the real rows again (the last arm's, the same either way): the base to resample from.
  await rebuildCells(db);
  await db.query('ANALYZE crashes');

  // Grow to the bench's size; the real snapping runs over the new crashes (or over the first SNAP_MAX of them).
  const toAdd = Math.max(0, CRASHES - realRows);
  const snappedPart = Math.min(toAdd, SNAP_MAX);
  const [, resampleS1] = await seconds(() => addResampledCrashes(db, snappedPart));
  await db.query('ANALYZE crashes');
  const [, snapS] = await seconds(() => snapUnsnappedCrashes(db, SNAP_DISTANCE_M));
  const [, resampleS2] = await seconds(() => addResampledCrashes(db, toAdd - snappedPart));
  await db.query('VACUUM ANALYZE crashes');
  await db.query('VACUUM ANALYZE crash_heatmap_cells');
  await db.query('VACUUM ANALYZE crash_road_bins');
  const store = await storeCounts(db);
  console.error(
    `${thousands(store.crashes)} crashes (${thousands(toAdd)} resampled in ${(resampleS1 + resampleS2).toFixed(1)} s); ` +
      `snapping ${thousands(snappedPart)} took ${snapS.toFixed(1)} s`,
  );

  const kinds: { name: string; unit: string; goalMs: number; measured: string; cases: QueryCase[] }[] = [
    {
      name: 'tile',
      unit: 'bytes',
      goalMs: TILE_GOAL_MS,
      measured: 'crashHeatmapTile (MVT), zooms 6–14 over Thailand and Chachoengsao, unfiltered and filtered',
      cases: tileCases(db),
    },
    {
      name: 'points',
      unit: 'bytes',
      goalMs: TILE_GOAL_MS,
      measured:
        'crashPointsTile (MVT; clusters below zoom 14, each crash from 14), the same tiles and filters',
      cases: tileCases(db, 'points'),
    },
    {
      name: 'ranking',
      unit: 'crashes filtered',
      goalMs: QUERY_GOAL_MS,
      measured: 'rankRoadSections + sectionCoverage at once (the route), 500 m windows every 100 m, top 50',
      cases: rankingCases(db),
    },
    {
      name: 'clusters',
      unit: 'crashes filtered',
      goalMs: QUERY_GOAL_MS,
      measured: 'crashClusters, DBSCAN 500 m / 3 crashes, area-filtered (province, district)',
      cases: clusterCases(db),
    },
    {
      name: 'gistar',
      unit: 'hexagons returned',
      goalMs: QUERY_GOAL_MS,
      measured: 'hotspotGrid + p/class per hexagon (the route), 1 km hexagons over the area',
      cases: gistarCases(db),
    },
  ];
  const timings: Record<string, KindTiming> = {};
  for (const kind of kinds) {
    console.error(`timing ${kind.name} …`);
    timings[kind.name] = await timeCases(kind.cases, RUNS);
  }

  const importMedian = median(importRate);
  const copyMedian = median(copyRate);
  const importRatio = importMedian / copyMedian;
  console.log(
    `import: ${thousands(realRows)} real crashes (DOH 2012 CSV + national fatal points), ${ROUNDS} rounds alternating; ` +
      `importer ${thousands(importMedian)} rows/s (rounds ${importRate.map(thousands).join(', ')}), ` +
      `raw COPY ${thousands(copyMedian)} rows/s (rounds ${copyRate.map(thousands).join(', ')})`,
  );
  console.log(
    `import_ratio = importer rows/s ÷ COPY rows/s (medians; ≤ 1, higher is better; the importer also parses, hashes ` +
      `the file, snaps and keeps the heatmap cells, COPY only writes the same columns) = ${importRatio.toFixed(2)}`,
  );
  console.log(
    `store: ${thousands(store.crashes)} crashes (${thousands(realRows)} real + ${thousands(toAdd)} resampled from ` +
      `the national fatal points, ≤ 300 m jitter, 2020–2025 Bangkok times, DOH severities/causes); ` +
      `${thousands(store.fatal)} fatal; ${thousands(store.snapped)} snapped, ${thousands(store.onRoad)} on a road; ` +
      `snapUnsnappedCrashes over ${thousands(snappedPart)} took ${snapS.toFixed(1)} s` +
      (snappedPart < toAdd ? ` (the other ${thousands(toAdd - snappedPart)} left unsnapped)` : '') +
      `; ${areas} areas, ${roads} road lines`,
  );
  for (const kind of kinds) {
    const t = timings[kind.name]!;
    const verdict = t.p95Ms <= kind.goalMs ? 'met' : 'missed';
    console.log(
      `${kind.name}: p50 ${ms(t.p50Ms)} ms, p95 ${ms(t.p95Ms)} ms, max ${ms(t.maxMs)} ms over ${t.runs} runs of ` +
        `${t.cases.length} cases (goal p95 ≤ ${kind.goalMs} ms: ${verdict}); ${kind.measured}`,
    );
    for (const c of t.cases)
      console.log(`  ${c.label}: median ${ms(c.medianMs)} ms × ${c.runs}, ${thousands(c.size)} ${kind.unit}`);
  }
  console.log(
    `BENCH hotspots crashes=${store.crashes} import_ratio=${importRatio.toFixed(2)} ` +
      `tile_p95_ms=${ms(timings.tile!.p95Ms)} ranking_p95_ms=${ms(timings.ranking!.p95Ms)} ` +
      `clusters_p95_ms=${ms(timings.clusters!.p95Ms)} gistar_p95_ms=${ms(timings.gistar!.p95Ms)}`,
  );
} finally {
  await db.end();
  if (KEEP) console.error(`schema kept: ${schema.schema}`);
  else await schema.drop();
}
