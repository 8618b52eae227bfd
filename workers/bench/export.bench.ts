// `npm run bench:export`: what an evidence export costs against the raw limit, and how fast footage is found.
// - export: a 10-minute window from 4 cameras through the real export (segment hashes checked, stream-copy cut with
//   chapters and clock subtitles, manifest signed, letter printed by Chromium, package stored as the zip a download
//   streams) against a plain `ffmpeg -f concat -c copy` of the same segments, in alternating arms (median of each);
//   ratio = copy ÷ export;
// - verify: the offline verifier on the package (in-process, node:crypto + yauzl);
// - finder: findFootage p95 over 1,000 cameras, and the share of labelled requests whose camera is in the first three.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool } from '@toc/server/db/pool';
import { loadEvidenceConfig, evidencePaths } from '@toc/server/evidence-config';
import { loadSigningKey } from '@toc/server/lib/evidence-signing-key';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { saveStoredZip } from '@toc/server/lib/stored-zip';
import {
  insertRequest,
  latestPackage,
  replaceCameras,
  setStatus,
} from '@toc/server/repositories/footage-requests.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { createTestSchema } from '@toc/server/testing';
import { runFinderBench } from '@toc/server/bench/camera-finder.bench-lib';
import { evaluateFinder } from '@toc/server/eval/camera-finder.eval';
import { verifyPackage } from '@toc/verifier/verify-package';
import { openNodeZipSource } from '@toc/verifier/node-zip-source';
import { nodeSignatureVerifier } from '@toc/verifier/node-signature';
import { Redis } from 'ioredis';
import { channelNames } from '@toc/server/realtime/channel-names';
import { createLetterPrinter } from '../src/export/letter-printer';
import type { ExportContext } from '../src/export/export-context';
import { exportRequest } from '../src/export/export-request';
import { cpuSeconds, percentile } from './bench-media';
import { indexBenchCamera, recordBenchStream, type BenchSegment } from './export-footage';

const run = promisify(execFile);
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CAMERAS = env('BENCH_EXPORT_CAMERAS', 4);
const WINDOW_S = env('BENCH_EXPORT_WINDOW_S', 600);
const ROUNDS = env('BENCH_EXPORT_ROUNDS', 3);
const FINDER_CAMERAS = env('BENCH_FINDER_CAMERAS', 1000);
const FINDER_QUERIES = env('BENCH_FINDER_QUERIES', 300);
const T0 = Date.parse('2031-03-14T01:00:00Z');
const median = (values: number[]) => percentile(values, 50);
/** Wall seconds of the work, and the CPU seconds it used in this process and in the children it ran. */
const cpu: Record<'export' | 'copy', { own: number; children: number }[]> = { export: [], copy: [] };
const seconds = async (work: () => Promise<unknown>, arm?: keyof typeof cpu) => {
  const before = await cpuSeconds();
  const started = performance.now();
  await work();
  const took = (performance.now() - started) / 1000;
  const after = await cpuSeconds();
  if (arm) cpu[arm].push({ own: after.own - before.own, children: after.children - before.children });
  return took;
};

/** The raw limit: each camera's segments joined by ffmpeg's concat demuxer with stream copy, nothing else. */
async function plainCopy(cameras: BenchSegment[][], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [index, segments] of cameras.entries()) {
    const list = path.join(dir, `camera-${index}.ffconcat`);
    await writeFile(list, `ffconcat version 1.0\n${segments.map((s) => `file '${s.absPath}'`).join('\n')}\n`);
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-c',
      'copy',
      path.join(dir, `camera-${index}.mp4`),
    ]);
  }
  await rm(dir, { recursive: true, force: true });
}

const schema = await createTestSchema();
const db = createPool(schema.databaseUrl, 6);
const letters = createLetterPrinter();
// The export announces its steps on Redis like the worker's does; nobody listens here.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const root = await mkdtemp(path.join(tmpdir(), 'toc-bench-export-'));
try {
  await applyMigrations(db);
  const recordingsDir = path.join(root, 'recordings');
  await mkdir(recordingsDir);
  await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
  const evidence = {
    ...loadEvidenceConfig({ EVIDENCE_DIR: path.join(root, 'evidence') }),
    createSigningKey: true,
  };
  const key = await loadSigningKey(evidence.signingKeyFile, { createIfMissing: true });
  const station = 'สภ.เมืองฉะเชิงเทรา';
  const police = await upsertUser(db, {
    username: 'bench-police',
    displayName: 'Bench police',
    role: 'police',
    passwordHash: 'x',
    station,
  });
  const operator = await upsertUser(db, {
    username: 'bench-operator',
    displayName: 'Bench operator',
    role: 'operator',
    passwordHash: 'x',
  });

  console.error(`recording ${WINDOW_S + 20} s of 720p footage …`);
  const recorded = await recordBenchStream(path.join(root, 'incoming'), {
    seconds: WINDOW_S + 20,
    segmentS: 10,
    bitrate: '2M',
  });
  const cameras: BenchSegment[][] = [];
  const cameraIds: number[] = [];
  for (let i = 0; i < CAMERAS; i += 1) {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url, enabled)
       VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, 13.69), 4326), 90, 60, 'rtsp://127.0.0.1:9/bench', false) RETURNING id`,
      [`Bench ${i + 1}`, `กล้องทดสอบ ${i + 1}`, 101.07 + i * 0.001],
    );
    cameraIds.push(rows[0]!.id);
    cameras.push(await indexBenchCamera(db, recordingsDir, rows[0]!.id, recorded, T0));
  }
  const window = { from: new Date(T0 + 10_000), to: new Date(T0 + 10_000 + WINDOW_S * 1000) };
  const inWindow = cameras.map((segments) =>
    segments.filter((s) => s.endedAt > window.from && s.startedAt < window.to),
  );
  const ctx: ExportContext = {
    db,
    redis,
    channels: channelNames(`bench-export-${process.pid}`),
    // The bench measures the export; notices and sockets are not part of it.
    jobs: { exportRequest: async () => undefined, notice: async () => undefined },
    evidence,
    recordingsDir,
    key,
    letters,
    workingCopies: false,
    software: { name: 'traffic-operations-center', version: 'bench' },
    now: () => new Date(),
    log: (_level, message, detail) => {
      if (process.env.BENCH_EXPORT_VERBOSE) console.error(message, JSON.stringify(detail));
    },
  };
  await letters.warm(); // the worker keeps its browser: its start is not part of an export

  const exportOnce = async () => {
    const id = await insertRequest(db, {
      kind: 'online',
      requesterId: police,
      enteredBy: police,
      beYear: 2574,
      at: new Date(),
      form: {
        caseNumber: 'BENCH-1',
        station,
        officerName: 'Bench',
        officerRank: 'ร.ต.อ.',
        officerId: '1',
        officerPhone: '0812345678',
        legalBasis: 'bench run',
        reason: 'bench run',
        place: { lon: 101.07, lat: 13.69 },
        from: window.from.toISOString(),
        to: window.to.toISOString(),
      },
    });
    await replaceCameras(
      db,
      id,
      cameraIds.map((cameraId) => ({
        cameraId,
        from: window.from.toISOString(),
        to: window.to.toISOString(),
      })),
      operator,
    );
    await setStatus(db, id, 'approved', new Date(), { decidedBy: operator });
    const took = await seconds(async () => {
      const outcome = await exportRequest(ctx, id);
      if (outcome !== 'exported') throw new Error(`export ${outcome}`);
    }, 'export');
    return { id, took };
  };

  const exportS: number[] = [];
  const copyS: number[] = [];
  let lastId = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each round starts from the same disk and page cache: the last round's package goes (the copy arm removes its own).
    if (lastId) await rm(path.join(evidencePaths(evidence).packages, String(lastId)), { recursive: true });
    copyS.push(await seconds(() => plainCopy(inWindow, path.join(root, 'copy')), 'copy'));
    const { id, took } = await exportOnce();
    exportS.push(took);
    lastId = id;
    console.error(`round ${round + 1}: copy ${copyS.at(-1)!.toFixed(2)} s, export ${took.toFixed(2)} s`);
  }
  const pkg = (await latestPackage(db, lastId))!;
  // The package as the download serves it: one zip file.
  const zip = path.join(root, 'package.zip');
  await saveStoredZip(path.join(evidencePaths(evidence).packages, pkg.path), zip);
  const verifyS: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    verifyS.push(
      await seconds(async () => {
        const source = await openNodeZipSource(zip);
        try {
          const report = await verifyPackage(source, nodeSignatureVerifier, { fingerprint: key.fingerprint });
          if (!report.ok)
            throw new Error(`verification failed: ${report.failures.map((f) => f.message).join('; ')}`);
        } finally {
          await source.close();
        }
      }),
    );
  }
  const zipBytes = (await stat(zip)).size;
  const segmentBytes = inWindow.flat().length;

  console.error(`finder over ${FINDER_CAMERAS} cameras …`);
  const finder = await runFinderBench({ cameras: FINDER_CAMERAS, queries: FINDER_QUERIES });
  const evaluation = await evaluateFinder(20_310_314, [30]);
  const hardest = evaluation.at(-1)!;
  const top3Pct = (100 * hardest.score.top3) / hardest.score.requests;

  const exportMedian = median(exportS);
  const copyMedian = median(copyS);
  console.log(
    `export rounds (s): ${exportS.map((s) => s.toFixed(2)).join(', ')}; copy rounds (s): ${copyS.map((s) => s.toFixed(2)).join(', ')}`,
  );
  const cpuText = (arm: keyof typeof cpu) =>
    `node ${median(cpu[arm].map((c) => c.own)).toFixed(2)} s + children ${median(cpu[arm].map((c) => c.children)).toFixed(2)} s`;
  console.log(`CPU per arm (median): export ${cpuText('export')}; copy ${cpuText('copy')}`);
  console.log(
    `package: ${(zipBytes / 1e6).toFixed(1)} MB from ${segmentBytes} segments of ${CAMERAS} cameras × ${WINDOW_S} s`,
  );
  console.log(
    `finder: p50 ${finder.p50Ms.toFixed(1)} ms over ${finder.cameras} cameras, ${finder.queries} queries; top-3 scenario "${hardest.name}" (${hardest.score.requests} labelled requests, place off by up to 30 m)`,
  );
  console.log(
    `BENCH export ratio=${(copyMedian / exportMedian).toFixed(2)} export_s=${exportMedian.toFixed(2)} copy_s=${copyMedian.toFixed(2)} ` +
      `verify_s=${median(verifyS).toFixed(2)} finder_p95_ms=${finder.p95Ms.toFixed(1)} finder_top3_pct=${top3Pct.toFixed(1)}`,
  );
} finally {
  await letters.close();
  redis.disconnect();
  await db.end();
  await schema.drop();
  await rm(root, { recursive: true, force: true });
}
