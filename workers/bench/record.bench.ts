// `npm run bench:record`: what continuous recording costs and how fast its footage is found and played.
// - CPU per camera with recording on against off, in alternating arms of the same run (the median of each);
// - storage per camera-hour and segment close → indexed latency, from the arms that recorded;
// - the timeline query's p95 over a 30-day index of 100 cameras (synthetic rows, the real query);
// - seek: asking the playback page in Chromium for an instant → that instant's frame on screen (server, hls.js, MSE).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool } from '@toc/server/db/pool';
import { loadRecordingConfig, RECORDINGS_MARKER } from '@toc/server/recording-config';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { percentile } from './bench-media';
import { measureArm } from './record-cpu';
import { measureSeek } from './record-seek';
import { measureTimeline } from './record-timeline';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CAMERAS = env('BENCH_RECORD_CAMERAS', 4);
const ROUNDS = env('BENCH_RECORD_ROUNDS', 3);
const MEASURE_S = env('BENCH_RECORD_SECONDS', 30);
const INDEX_CAMERAS = env('BENCH_RECORD_INDEX_CAMERAS', 100);
const INDEX_DAYS = env('BENCH_RECORD_INDEX_DAYS', 30);
const STREAM = 'odc_street_traffic_640x360_30fps';

const median = (values: number[]) => percentile(values, 50);

const schema = await createTestSchema();
const db = createPool(schema.databaseUrl, 6);
try {
  await applyMigrations(db);
  const root = path.join(await mkdtemp(path.join(tmpdir(), 'toc-bench-record-')), 'recordings');
  await mkdir(root);
  await writeFile(path.join(root, RECORDINGS_MARKER), '');
  const recording = { ...loadRecordingConfig({}), dir: root };
  const cameraIds = Array.from({ length: CAMERAS }, (_, i) => i + 1);
  const arm = {
    db,
    recording,
    streamUrl: `${requireEnv('RTSP_BASE')}/${STREAM}`,
    cameraIds,
    warmupS: 5,
    measureS: MEASURE_S,
  };

  const off: number[] = [];
  const on: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    off.push(await measureArm(arm, false));
    on.push(await measureArm(arm, true));
    console.info(
      `round ${round}: ${CAMERAS} cameras, CPU per camera off ${off.at(-1)!.toFixed(2)} % · on ${on.at(-1)!.toFixed(2)} %`,
    );
  }
  const added = median(on.map((value, i) => value - off[i]!));

  const { rows } = await db.query<{ bytes: string; seconds: number; latency_ms: number }>(
    `SELECT bytes, EXTRACT(EPOCH FROM ended_at - started_at)::float8 AS seconds,
            EXTRACT(EPOCH FROM indexed_at - ended_at)::float8 * 1000 AS latency_ms
       FROM recording_segments WHERE NOT interrupted`,
  );
  const bytes = rows.reduce((sum, r) => sum + Number(r.bytes), 0);
  const seconds = rows.reduce((sum, r) => sum + r.seconds, 0);
  const mbPerHour = (bytes / seconds / 1e6) * 3600;
  const latencyP50 = percentile(
    rows.map((r) => r.latency_ms),
    50,
  );
  const latencyP95 = percentile(
    rows.map((r) => r.latency_ms),
    95,
  );
  console.info(
    `recording: ${rows.length} segments, ${(bytes / 1e6).toFixed(1)} MB over ${(seconds / 3600).toFixed(2)} camera-hours; ` +
      `index latency p50 ${latencyP50.toFixed(0)} ms, p95 ${latencyP95.toFixed(0)} ms`,
  );

  const seek = await measureSeek({ db, recording, cameraId: cameraIds[0]! });
  console.info(
    `seek: playback page asked for an instant → its frame on screen in Chromium, median ${seek.medianMs.toFixed(0)} ms over ${seek.samples} seeks`,
  );

  const timeline = await measureTimeline({ db, recording, cameras: INDEX_CAMERAS, days: INDEX_DAYS });
  console.info(
    `timeline: ${timeline.rows.toLocaleString('en')} indexed segments (${INDEX_CAMERAS} cameras × ${INDEX_DAYS} days), ` +
      `24-h timeline p50 ${timeline.p50Ms.toFixed(1)} ms, p95 ${timeline.p95Ms.toFixed(1)} ms over ${timeline.samples} queries`,
  );

  console.info(
    `BENCH record cameras=${CAMERAS} cpu_pct_per_camera=${added.toFixed(2)} mb_per_camera_hour=${mbPerHour.toFixed(0)} ` +
      `index_latency_ms=${latencyP95.toFixed(0)} timeline_p95_ms=${timeline.p95Ms.toFixed(1)} seek_ms=${seek.medianMs.toFixed(0)}`,
  );
} finally {
  await db.end();
  await schema.drop();
}
