import { buildScenarios } from './scenarios';
import { openedIncidents, runScenario } from './evaluate';
const configs = [
  ...Array.from({ length: 15 }, (_, i) => ({ seed: i * 101, jitterPx: 1.5 })),
  ...Array.from({ length: 10 }, (_, i) => ({ seed: i * 37 + 5, jitterPx: 3 })),
  ...Array.from({ length: 5 }, (_, i) => ({ seed: i * 13 + 2, jitterPx: 2, historyLength: 25 })),
  ...Array.from({ length: 5 }, (_, i) => ({ seed: i * 17 + 3, jitterPx: 2, fps: 10 })),
  ...Array.from({ length: 5 }, (_, i) => ({ seed: i * 19 + 4, jitterPx: 2, fps: 3 })),
];
const problems: string[] = [];
for (const cfg of configs) {
  for (const run of buildScenarios(cfg).map((s) => runScenario(s))) {
    const opened = openedIncidents(run);
    const got = opened.map((o) => o.kind).sort().join(',');
    const want = run.scenario.expected.map((e) => e.kind).sort().join(',');
    const onsetErr = run.scenario.expected.map((e) => {
      const o = opened.find((x) => x.kind === e.kind);
      return o ? Math.abs(o.onsetS - e.onsetS) : NaN;
    });
    if (got !== want || onsetErr.some((e) => !(e <= 2))) problems.push(`${JSON.stringify(cfg)} ${run.scenario.name}: got [${opened.map((o) => `${o.kind}@${o.onsetS.toFixed(1)}/${o.openedS.toFixed(1)}`)}] want [${want}] err ${onsetErr}`);
  }
}
console.log(problems.join('\n') || 'all ok', configs.length);
