// `npm run bench:pipeline`: raw inference (1 and 2 threads) as the limit; the detection-bound camera path and its
// ratio to raw; live cameras sustained at 5 detect-fps with motion gating; frame → socket event latency; memory.
import { rawInferenceFps } from './raw-inference';
import { detectionBound } from './detection-bound';
import { capacityTrial, type CapacityTrial } from './camera-capacity';
import { eventLatency } from './event-latency';

const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 120);
const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 15);
const TRIAL_SECONDS = Number(process.env.BENCH_TRIAL_SECONDS ?? 20);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 20);

const raw = { 1: await rawInferenceFps(1, RAW_RUNS), 2: await rawInferenceFps(2, RAW_RUNS) };
console.log(
  `raw ONNX inference (yolox_nano_416): ${raw[1].toFixed(1)} frames/s at 1 thread, ${raw[2].toFixed(1)} at 2 threads`,
);

const e2e = { 1: await detectionBound(1, E2E_SECONDS), 2: await detectionBound(2, E2E_SECONDS) };
for (const threads of [1, 2] as const) {
  console.log(
    `detection-bound pipeline, ${threads} thread(s): ${e2e[threads].fps.toFixed(1)} frames/s, ratio to raw ${(e2e[threads].fps / raw[threads]).toFixed(2)}, ` +
      `frame → tracks p50 ${e2e[threads].latencyP50.toFixed(1)} ms, p95 ${e2e[threads].latencyP95.toFixed(1)} ms`,
  );
}
const best = ([1, 2] as const).reduce((a, b) => (e2e[b].fps / raw[b] > e2e[a].fps / raw[a] ? b : a));

// One inference thread leaves the other core to the decoders; two threads infer faster but share both cores.
const trials: (CapacityTrial & { threads: number })[] = [];
for (const threads of [1, 2]) {
  for (const cameras of [6, 8, 10, 12]) {
    const trial = { ...(await capacityTrial(cameras, threads, TRIAL_SECONDS)), threads };
    trials.push(trial);
    console.log(
      `${cameras} live cameras at 5 fps, gating on, ${threads} inference thread(s): ${trial.sustained ? 'sustained' : 'NOT sustained'} ` +
        `(slowest ${trial.minProcessedFps.toFixed(2)} fps, detector ran on ${(trial.detectShare * 100).toFixed(0)} % of frames, ` +
        `${trial.rssMbPerCamera.toFixed(0)} MB per camera incl. ffmpeg)`,
    );
    if (!trial.sustained) break;
  }
}
const sustained = trials.filter((t) => t.sustained).sort((a, b) => b.cameras - a.cameras);
const capacity = sustained[0] ?? null;
const memory = capacity ?? trials[0]!;

const latency = await eventLatency(LATENCY_SECONDS);
console.log(
  `frame → event on a socket.io client (PostGIS + Redis + server): p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms over ${latency.samples} frames`,
);

console.log(
  `BENCH pipeline raw_fps=${raw[best].toFixed(1)} e2e_fps=${e2e[best].fps.toFixed(1)} ratio=${(e2e[best].fps / raw[best]).toFixed(2)} ` +
    `cameras_5fps=${capacity?.cameras ?? 0} rss_mb_per_camera=${memory.rssMbPerCamera.toFixed(0)} latency_p95_ms=${latency.p95.toFixed(1)}`,
);
process.exit(0);
