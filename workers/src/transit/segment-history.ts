// Learned travel times between consecutive stops and dwell at stops, per route and hour of day, with pending deltas for the database.
export interface TimeStat {
  samples: number;
  meanS: number;
}

/** After this many samples the mean moves like an exponential average, so it follows a changed road instead of freezing. */
export const MEAN_WINDOW = 50;

export interface SegmentDelta {
  kind: 'run' | 'dwell';
  feedId: number;
  routeId: string;
  fromStopId: string;
  /** The same as fromStopId for a dwell. */
  toStopId: string;
  hour: number;
  count: number;
  sumS: number;
}

const key = (kind: string, feedId: number, routeId: string, from: string, to: string, hour: number) =>
  `${kind}|${feedId}|${routeId}|${from}|${to}|${hour}`;

export class SegmentHistory {
  private readonly stats = new Map<string, TimeStat>();
  private pending = new Map<string, SegmentDelta>();

  /** Loaded rows (hour 0–23); an all-hours figure is kept alongside under hour -1. */
  load(rows: Iterable<Omit<SegmentDelta, 'count' | 'sumS'> & TimeStat>): void {
    for (const r of rows) {
      this.stats.set(key(r.kind, r.feedId, r.routeId, r.fromStopId, r.toStopId, r.hour), {
        samples: r.samples,
        meanS: r.meanS,
      });
      this.mix(key(r.kind, r.feedId, r.routeId, r.fromStopId, r.toStopId, -1), r.meanS, r.samples);
    }
  }

  private mix(k: string, valueS: number, weight: number): void {
    const s = this.stats.get(k);
    if (!s) {
      this.stats.set(k, { samples: weight, meanS: valueS });
      return;
    }
    s.samples += weight;
    s.meanS += ((valueS - s.meanS) * weight) / Math.min(s.samples, MEAN_WINDOW);
  }

  record(sample: Omit<SegmentDelta, 'count' | 'sumS'> & { valueS: number }): void {
    const { kind, feedId, routeId, fromStopId, toStopId, hour, valueS } = sample;
    if (!(valueS >= 0) || valueS > 4 * 3600) return;
    const k = key(kind, feedId, routeId, fromStopId, toStopId, hour);
    const current = this.stats.get(k);
    // One stuck bus must not teach the route: a sample far from an established mean counts only up to 3× it.
    const clamped = current && current.samples >= 5 ? Math.min(valueS, current.meanS * 3 + 30) : valueS;
    this.mix(k, clamped, 1);
    this.mix(key(kind, feedId, routeId, fromStopId, toStopId, -1), clamped, 1);
    const p = this.pending.get(k);
    if (p) {
      p.count++;
      p.sumS += clamped;
    } else
      this.pending.set(k, { kind, feedId, routeId, fromStopId, toStopId, hour, count: 1, sumS: clamped });
  }

  /** The figure at that hour, leaning on the all-hours one while the hour has few samples; counted over all hours. */
  lookup(
    kind: 'run' | 'dwell',
    feedId: number,
    routeId: string,
    from: string,
    to: string,
    hour: number,
  ): TimeStat | null {
    const all = this.stats.get(key(kind, feedId, routeId, from, to, -1));
    if (!all) return null;
    const atHour = this.stats.get(key(kind, feedId, routeId, from, to, hour));
    if (!atHour) return all;
    const w = atHour.samples / (atHour.samples + 3);
    return { samples: all.samples, meanS: w * atHour.meanS + (1 - w) * all.meanS };
  }

  takePending(): SegmentDelta[] {
    const out = [...this.pending.values()];
    this.pending = new Map();
    return out;
  }

  get size(): number {
    return this.stats.size;
  }
}

/** Blend of learned and scheduled seconds: a few samples already outweigh the timetable. */
export function blended(stat: TimeStat | null, scheduledS: number): number {
  if (!stat) return scheduledS;
  const w = stat.samples / (stat.samples + 2);
  return w * stat.meanS + (1 - w) * scheduledS;
}
