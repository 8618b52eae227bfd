// Arrival-time accuracy as transit apps score it: actual − predicted must fall in a window that widens with the
// minutes the prediction looked ahead (pure; used by the ETA evaluation for the engine and its baselines).

/** The windows, by minutes away at prediction time: [earlyS, lateS] of actual − predicted arrival. */
export const ETA_BUCKETS = [
  { name: 'b0_3', fromMin: 0, toMin: 3, earlyS: -30, lateS: 90 },
  { name: 'b3_6', fromMin: 3, toMin: 6, earlyS: -60, lateS: 150 },
  { name: 'b6_10', fromMin: 6, toMin: 10, earlyS: -60, lateS: 210 },
  { name: 'b10_15', fromMin: 10, toMin: 15, earlyS: -90, lateS: 270 },
] as const;

export type EtaBucketName = (typeof ETA_BUCKETS)[number]['name'];

export interface WindowScores {
  /** Share (%) of scored predictions inside their bucket's window. */
  withinWindowPct: number;
  buckets: Record<EtaBucketName, { count: number; withinPct: number }>;
  /** Mean absolute error of the scored predictions, seconds. */
  maeS: number;
  predictions: number;
}

/** Collects predictions of one predictor; those more than 15 min ahead (or in the past) are not scored. */
export class WindowScorer {
  private readonly counts = new Map<EtaBucketName, { count: number; within: number }>(
    ETA_BUCKETS.map((b) => [b.name, { count: 0, within: 0 }]),
  );
  private absErrorSum = 0;
  private scored = 0;

  add(nowMs: number, predictedMs: number, actualMs: number): void {
    const awayMin = (predictedMs - nowMs) / 60_000;
    const bucket = ETA_BUCKETS.find((b) => awayMin >= b.fromMin && awayMin < b.toMin);
    if (!bucket) return;
    const errorS = (actualMs - predictedMs) / 1000;
    const counts = this.counts.get(bucket.name)!;
    counts.count++;
    if (errorS >= bucket.earlyS && errorS <= bucket.lateS) counts.within++;
    this.absErrorSum += Math.abs(errorS);
    this.scored++;
  }

  scores(): WindowScores {
    const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : 0);
    const within = [...this.counts.values()].reduce((sum, c) => sum + c.within, 0);
    return {
      withinWindowPct: pct(within, this.scored),
      buckets: Object.fromEntries(
        [...this.counts].map(([name, c]) => [name, { count: c.count, withinPct: pct(c.within, c.count) }]),
      ) as WindowScores['buckets'],
      maeS: this.scored > 0 ? this.absErrorSum / this.scored : 0,
      predictions: this.scored,
    };
  }
}
