// Plays one feed's timetable in (optionally accelerated) real time: plans the buses, and says which fixes are due.
import type { JourneyOptions } from './bus-journey';
import { BusRunner, type RunnerFix } from './bus-runner';
import type { DemoDevice } from './devices-file';
import { choosePlayedDay, planFleet, type PlayedDay } from './fleet-plan';
import type { SimFeed } from './sim-feed';

/** A fix ready to send: times already moved onto the real clock, speed scaled with the clock. */
export interface DueFix {
  device: DemoDevice;
  fix: RunnerFix;
}

export interface FeedPlayerOptions {
  speedup: number;
  seed: string;
  journey?: Partial<JourneyOptions>;
  log: (message: string) => void;
}

export class FeedPlayer {
  private runners = new Map<string, BusRunner>();
  private day: PlayedDay | null = null;
  private realStartMs = 0;
  private timetableStartMs = 0;
  private nextPlanMs = 0;

  constructor(
    private readonly feed: SimFeed,
    private readonly devices: readonly DemoDevice[],
    private readonly options: FeedPlayerOptions,
  ) {}

  /** Timetable time at a real moment. */
  timetableAt(realMs: number): number {
    return this.timetableStartMs + (realMs - this.realStartMs) * this.options.speedup;
  }

  private realAt(timetableMs: number): number {
    return this.realStartMs + (timetableMs - this.timetableStartMs) / this.options.speedup;
  }

  /** Places every bus where the timetable says it is now (past fixes are skipped), on the day `choosePlayedDay` picks. */
  plan(realNowMs: number): void {
    this.day = choosePlayedDay(this.feed, realNowMs);
    this.runners.clear();
    this.nextPlanMs = realNowMs + 60_000;
    if (!this.day) {
      this.options.log(`feed ${this.feed.name}: no service day found in its calendar; no buses`);
      return;
    }
    this.realStartMs = realNowMs;
    this.timetableStartMs = realNowMs - this.day.shiftMs;
    if (this.day.note) this.options.log(`feed ${this.feed.name}: ${this.day.note}`);
    const nowS = (this.timetableStartMs - this.day.dayStartMs) / 1000;
    const chains = planFleet(this.feed, this.day.date, this.devices, nowS, { nextDate: this.day.nextDate });
    let running = 0;
    for (const device of this.devices) {
      const chain = chains.get(device.uniqueId) ?? [];
      if (chain.length > 0) running++;
      const seed = `${this.options.seed}:${device.uniqueId}`;
      const runner = new BusRunner(this.feed, chain, this.day.dayStartMs, seed, this.options.journey, this.timetableStartMs);
      runner.skipBefore(this.timetableStartMs);
      this.runners.set(device.uniqueId, runner);
    }
    this.options.log(`feed ${this.feed.name}: ${running} of ${this.devices.length} buses have trips on ${this.day.date} (speed ×${this.options.speedup})`);
  }

  /** The fixes due by `realNowMs`, in order per bus; re-plans when every bus has finished its trips. */
  due(realNowMs: number): DueFix[] {
    if ([...this.runners.values()].every((r) => r.done) && realNowMs >= this.nextPlanMs) this.plan(realNowMs);
    const until = this.timetableAt(realNowMs);
    const out: DueFix[] = [];
    for (const device of this.devices) {
      const runner = this.runners.get(device.uniqueId);
      if (!runner) continue;
      for (const fix of runner.take(until)) {
        out.push({
          device,
          fix: { ...fix, fixTime: new Date(Math.round(this.realAt(fix.fixTime.getTime()))), speedKmh: fix.speedKmh * this.options.speedup },
        });
      }
    }
    return out;
  }

  /** Buses with trips still to drive. */
  get activeBuses(): number {
    return [...this.runners.values()].filter((r) => !r.done).length;
  }
}
