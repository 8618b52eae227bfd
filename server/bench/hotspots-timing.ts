// Times a list of query cases the way the bench reports them: one untimed warm-up, then the cases in turn until
// enough runs are timed; p50/p95 over all runs and the median of each case (to show which case is slow).
import { percentile } from './camera-finder.bench-lib';

export interface QueryCase {
  /** What the case asks, e.g. "TH24 2021–2023 fatal". */
  label: string;
  /** Runs the query; returns a size to report (rows, bytes, cells …). */
  run: () => Promise<number>;
}

export interface CaseTiming {
  label: string;
  runs: number;
  medianMs: number;
  /** The size the case's last run returned. */
  size: number;
}

export interface KindTiming {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  cases: CaseTiming[];
}

export async function timeCases(cases: readonly QueryCase[], minRuns: number): Promise<KindTiming> {
  await cases[0]!.run(); // warm-up: plans, caches and the pool's connections are not what is measured
  const all: number[] = [];
  const perCase = cases.map((c) => ({ label: c.label, ms: [] as number[], size: 0 }));
  const rounds = Math.max(1, Math.ceil(minRuns / cases.length));
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, queryCase] of cases.entries()) {
      const started = performance.now();
      const size = await queryCase.run();
      const ms = performance.now() - started;
      all.push(ms);
      perCase[index]!.ms.push(ms);
      perCase[index]!.size = size;
    }
  }
  return {
    runs: all.length,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    maxMs: Math.max(...all),
    cases: perCase.map((c) => ({
      label: c.label,
      runs: c.ms.length,
      medianMs: percentile(c.ms, 50),
      size: c.size,
    })),
  };
}
