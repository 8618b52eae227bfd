import { buildScenarios } from './scenarios';
import { advanceMotion, initialMotion, DEFAULT_MOTION_OPTIONS } from '../motion-stats';
const sc = buildScenarios({ seed: 4, jitterPx: 2, fps: Number(process.argv[2] ?? 3) }).find((s) => s.name === (process.argv[3] ?? 'sudden stop'))!;
let m = initialMotion();
for (const f of sc.frames) {
  const tr = f.tracks.find((t) => t.id === Number(process.argv[4] ?? 1));
  if (!tr) continue;
  const before = m.lastStop;
  m = advanceMotion(m, tr.history, DEFAULT_MOTION_OPTIONS);
  if (m.lastStop !== before) console.log(((f.t - sc.startMs) / 1000).toFixed(2), m.phase, JSON.stringify({ ...m.lastStop, at: (m.lastStop!.at - sc.startMs) / 1000, detectedAt: (m.lastStop!.detectedAt - sc.startMs) / 1000 }));
}
