// The transit engine the GPS worker calls: in-memory matching per fix, and per tick the batched I/O (Redis, PostGIS, events).
import type { Redis } from 'ioredis';
import type { Pool } from '@toc/server/db/pool';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { BusEventWriter } from './bus-event-writer';
import { publishPredictions } from './predictions-publisher';
import { DEFAULT_CORE_OPTIONS, TransitCore, type CoreOptions } from './transit-core';
import { loadTransitModel, loadVehicles } from './transit-model.loader';
import { insertStopVisits, loadSegmentTimes, upsertSegmentTimes } from './transit-store.repository';
import type { TripFields, VehicleFix } from './vehicle-state';

export type { TripFields, VehicleFix } from './vehicle-state';

type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;

export interface TransitEngineContext {
  db: Pool;
  redis: Redis;
  queuePrefix: string;
  log: Log;
  now?: () => Date;
  options?: Partial<CoreOptions>;
}

export interface TransitEngine {
  onFix(fix: VehicleFix): TripFields;
  tick(now: Date): Promise<Array<{ vehicleId: number; fields: TripFields }>>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Vehicle bindings are re-read this often (an admin may rebind a bus), sooner when an unknown vehicle reports. */
const VEHICLES_EVERY_MS = 60_000;
const UNKNOWN_VEHICLE_RETRY_MS = 10_000;
/** Alarms an earlier run left open are ended if not raised again within this long. */
const ADOPT_WINDOW_MS = 10 * 60_000;

/** Options from the environment: BUS_OFF_ROUTE_M, BUS_OVERSPEED_KMH, BUS_OVERSPEED_MIN_S, BUS_STALE_MIN. */
export function transitOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<CoreOptions> {
  const num = (name: string, fallback: number) =>
    env[name] && Number.isFinite(Number(env[name])) ? Number(env[name]) : fallback;
  const d = DEFAULT_CORE_OPTIONS;
  return {
    tracker: { ...d.tracker, offRouteM: num('BUS_OFF_ROUTE_M', d.tracker.offRouteM) },
    alerts: {
      ...d.alerts,
      overspeedKmh: num('BUS_OVERSPEED_KMH', d.alerts.overspeedKmh),
      overspeedMinS: num('BUS_OVERSPEED_MIN_S', d.alerts.overspeedMinS),
      staleAfterS: num('BUS_STALE_MIN', d.alerts.staleAfterS / 60) * 60,
    },
  };
}

export async function createTransitEngine(ctx: TransitEngineContext): Promise<TransitEngine> {
  const now = ctx.now ?? (() => new Date());
  const core = new TransitCore(await loadTransitModel(ctx.db), {
    ...DEFAULT_CORE_OPTIONS,
    ...transitOptionsFromEnv(),
    ...ctx.options,
  });
  core.history.load(await loadSegmentTimes(ctx.db));
  const events = createEventStore(ctx.db, { redis: ctx.redis, channels: channelNames(ctx.queuePrefix) });
  const writer = new BusEventWriter(ctx.db, events, ctx.log);
  await writer.adoptOpen();
  const startedMs = now().getTime();
  let adoptionOpen = true;
  let vehiclesLoadedMs = startedMs;
  let unknownSeen = false;
  let busy: Promise<unknown> = Promise.resolve();

  const guarded = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      ctx.log('error', `transit ${what} failed`, { error: (error as Error).message });
    }
  };

  async function refreshVehicles(nowMs: number): Promise<void> {
    const due = nowMs - vehiclesLoadedMs >= (unknownSeen ? UNKNOWN_VEHICLE_RETRY_MS : VEHICLES_EVERY_MS);
    if (!due) return;
    vehiclesLoadedMs = nowMs;
    unknownSeen = false;
    const vehicles = await loadVehicles(ctx.db);
    const rebound = [...vehicles.values()].some((v) => {
      const old = core.model.vehicles.get(v.vehicleId);
      return old && (old.feedId !== v.feedId || old.routeId !== v.routeId || old.blockId !== v.blockId);
    });
    if (rebound) core.setModel({ ...core.model, vehicles });
    else {
      core.model.vehicles = vehicles;
      for (const state of core.vehicles.values()) state.info = vehicles.get(state.vehicleId) ?? null;
    }
  }

  async function runTick(at: Date) {
    const nowMs = at.getTime();
    await guarded('vehicle refresh', () => refreshVehicles(nowMs));
    const out = core.tick(nowMs);
    await Promise.all([
      guarded('predictions', () =>
        publishPredictions(ctx.redis, ctx.queuePrefix, out.predictions, out.boards),
      ),
      guarded('stop visits', () => insertStopVisits(ctx.db, out.visits)),
      guarded('segment times', () => upsertSegmentTimes(ctx.db, out.segmentDeltas)),
      guarded('alarms', () => writer.apply(out.alerts, (id) => core.busContext(id))),
    ]);
    if (adoptionOpen && nowMs - startedMs >= ADOPT_WINDOW_MS) {
      adoptionOpen = false;
      await guarded('alarm leftovers', () => writer.endLeftovers(nowMs));
    }
    return out.changed;
  }

  return {
    onFix(fix) {
      if (!core.knows(fix.vehicleId)) unknownSeen = true;
      return core.onFix(fix);
    },
    // Ticks never overlap: a slow database delays the next one instead of interleaving writes.
    tick(at) {
      const run = busy.then(() => runTick(at));
      busy = run.catch(() => undefined);
      return run;
    },
    async reload() {
      core.setModel(await loadTransitModel(ctx.db));
    },
    async close() {
      await busy;
      await runTick(now());
    },
  };
}
