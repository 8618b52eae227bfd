// One simulated bus working through its chain of trips: simulates each trip when it is reached, hands out its fixes.
import { simulateJourney, type JourneyOptions, type SimulatedFix } from './bus-journey';
import type { SimFeed, SimTrip } from './sim-feed';
import { optionsForRouteType } from './journey-options';
import { timedStops, tripPath } from './trip-journey-input';

/** A fix in timetable time, with the trip it belongs to. */
export interface RunnerFix extends SimulatedFix {
  tripId: string;
}

export class BusRunner {
  private next = 0;
  private pending: RunnerFix[] = [];
  private freeAtMs = Number.NEGATIVE_INFINITY;
  /** Where the last trip ended: a bus waiting there for its next trip keeps reporting (layover). */
  private lastStopId: string | null = null;
  private lastFixMs = Number.NEGATIVE_INFINITY;
  private readonly joinAtMs: number | null;

  constructor(
    private readonly feed: SimFeed,
    private readonly chain: readonly SimTrip[],
    private readonly dayStartMs: number,
    private readonly seed: string,
    private readonly options: Partial<JourneyOptions> = {},
    /** When the bus joins (mid-service): if its first trip leaves within two hours, it waits at the first stop from then on. */
    joinAtMs?: number,
  ) {
    this.joinAtMs = joinAtMs ?? null;
  }

  /** True once every trip of the chain has been handed out. */
  get done(): boolean {
    return this.next >= this.chain.length && this.pending.length === 0;
  }

  /** The fixes with a (timetable) time at or before `untilMs`, in order. */
  take(untilMs: number): RunnerFix[] {
    return this.drain(untilMs, true);
  }

  /** Drops the fixes before `ms` (a bus joining mid-service starts where the timetable has it now). */
  skipBefore(ms: number): void {
    this.drain(ms - 1, false);
  }

  private drain(untilMs: number, keep: boolean): RunnerFix[] {
    const out: RunnerFix[] = [];
    for (;;) {
      while (this.pending.length > 0 && this.pending[0]!.fixTime.getTime() <= untilMs) {
        const fix = this.pending.shift()!;
        if (keep) out.push(fix);
      }
      if (this.pending.length > 0 || !this.simulateNextTrip(untilMs)) return out;
    }
  }

  /** Simulates the next trip if the bus could have started it by `untilMs`; false when there is nothing more yet. */
  private simulateNextTrip(untilMs: number): boolean {
    while (this.next < this.chain.length) {
      const trip = this.chain[this.next]!;
      const path = tripPath(this.feed, trip);
      if (!path) {
        this.next++;
        continue;
      }
      const stops = timedStops(trip, path, this.dayStartMs);
      // A bus already standing at the first stop waits there, reporting, for up to two hours; otherwise it pulls in
      // a couple of minutes before departure (or when its previous trip ends, if that is later).
      const departure = stops[0]!.departure.getTime();
      const first = this.next === 0 && this.joinAtMs !== null;
      const readyAt = first ? this.joinAtMs! : this.freeAtMs;
      const waitMs = departure - readyAt;
      const layover = (first || this.lastStopId === stops[0]!.stopId) && waitMs >= 0 && waitMs <= 2 * 3600_000;
      const start = layover ? readyAt : Math.max(this.freeAtMs, departure - 120_000);
      if (start > untilMs) return false;
      this.next++;
      const result = simulateJourney({
        shape: path.shape,
        stops,
        start: new Date(start),
        options: { timeZone: this.feed.timezone, ...optionsForRouteType(trip.routeType), ...this.options, seed: `${this.seed}:${trip.tripId}:${this.dayStartMs}` },
      });
      this.freeAtMs = result.end.getTime();
      this.lastStopId = stops[stops.length - 1]!.stopId;
      // The new trip's first fix may fall on the previous trip's last moment: one fix per instant.
      const after = this.lastFixMs;
      this.pending = result.fixes.filter((f) => f.fixTime.getTime() > after).map((f) => ({ ...f, tripId: trip.tripId }));
      this.lastFixMs = result.fixes.at(-1)?.fixTime.getTime() ?? after;
      return true;
    }
    return false;
  }
}
