// Benchmark: detector inference per model and thread count, and the per-frame tensor conversion.
// Run: npx tsx models/bench/detector.bench.ts [runs]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Detector, listModels, prepareImage, sharedDir, tensorFromPackedFrame } from '../src/index';

const runs = Number(process.argv[2] ?? 50);
const image = readFileSync(path.join(sharedDir(), 'media', 'odc_street_frame001.jpg'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
const ms = (x: number) => x.toFixed(2).padStart(7);

console.log(`odc_street_frame001.jpg, ${runs} runs after 5 warm-up runs; times in ms`);
console.log('model            threads  infer-median  infer-p90  decode-median');
for (const manifest of listModels()) {
  for (const threads of [1, 2]) {
    const detector = await Detector.load(manifest.id, { threads });
    const prepared = await prepareImage(image, manifest);
    const infer: number[] = [];
    const decode: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const started = performance.now();
      const { inferenceMs } = await detector.detect(prepared.tensor, prepared);
      if (i < 5) continue;
      infer.push(inferenceMs);
      decode.push(performance.now() - started - inferenceMs);
    }
    await detector.close();
    console.log(
      `${manifest.id.padEnd(16)} ${String(threads).padStart(7)}  ${ms(median(infer))}       ${ms(p90(infer))}    ${ms(median(decode))}`,
    );
  }
}

console.log('\ntensorFromPackedFrame per frame (reused output buffer), ms');
for (const manifest of listModels()) {
  const { width, height } = manifest.input;
  const frame = new Uint8Array(width * height * 3).map((_, i) => (i * 31) & 255);
  const out = new Float32Array(frame.length);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const started = performance.now();
    tensorFromPackedFrame(frame, manifest, out);
    if (i >= 50) times.push(performance.now() - started);
  }
  console.log(
    `${manifest.id.padEnd(16)} ${width}×${height}  median ${ms(median(times))}  p90 ${ms(p90(times))}`,
  );
}
