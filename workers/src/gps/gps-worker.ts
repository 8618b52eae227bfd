// The GPS worker's shell: stream → filters → COPY into PostGIS → transit engine → Redis latest and bus deltas; acks once durable.
import type { Redis } from 'ioredis';
import type { Pool } from '@toc/server/db/pool';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { touchLastFix, type DeviceBinding } from '@toc/server/repositories/gps-devices.repository';
import { feedsVersion } from '@toc/server/repositories/transit.repository';
import { RejectionTally } from '@toc/server/services/gps/rejection-tally';
import type { BusState, GpsFix } from '@toc/server/schemas';
import type { GpsWorkerConfig } from '../config';
import { backoffDelayMs } from '../lib/backoff';
import { BusPublisher } from './bus-publisher';
import { DeviceDirectory } from './device-directory';
import { FilterStateStore } from './filter-state-store';
import { runFilters, type StageResult } from './fix-stage';
import { FixStream, type FixBatch } from './fix-stream';
import { PartitionManager } from './partition-manager';
import { bangkokDay } from './partitions';
import { copyLines, copyPositions } from './position-copy';
import { compareStreamIds, loadStoredUpTo } from './stream-progress';
import { startTransitEngine, UNASSIGNED, type TransitEngine, type TripFields } from './transit-seam';
import { duplicateConnection } from '@toc/server/lib/redis-duplicate';

export type GpsLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  detail?: Record<string, unknown>,
) => void;

export interface GpsWorkerContext {
  config: GpsWorkerConfig;
  queuePrefix: string;
  db: Pool;
  redis: Redis;
  log: GpsLog;
  /** The wall clock (default: the system's); tests pin it to the instants they mean. */
  now?: () => Date;
}

/** A filtered batch, its rows already encoded for COPY and the days they fall on. */
interface Prepared {
  batch: FixBatch;
  stage: StageResult;
  days: Set<string>;
  lines: string;
}

export interface GpsWorkerStats {
  fixesRead: number;
  rowsStored: number;
  rejected: number;
  badEntries: number;
  /** Entries found stored already after a restart (their acknowledgement was lost), acknowledged without storing. */
  skippedStored: number;
  failedBatches: number;
}

const DEVICE_RELOAD_MS = 30_000;
const FIGURES_FLUSH_MS = 1000;
const MAINTENANCE_MS = 3600_000;
/** How often the worker looks for a new or re-imported GTFS feed (imported through the API or the CLI). */
const FEED_CHECK_MS = 30_000;
/** Classes of errors in the data itself (not the connection): retrying the same batch cannot help. */
const DATA_ERROR = /^(22|23|42)/;

const toBusState = (binding: DeviceBinding, fix: GpsFix, t: number, fields: TripFields): BusState => ({
  vehicleId: binding.vehicleId!,
  label: binding.label ?? `#${binding.vehicleId}`,
  electric: binding.electric,
  lon: fix.lon,
  lat: fix.lat,
  fixTime: new Date(t).toISOString(),
  speedKmh: fix.speedKmh,
  bearingDeg: fix.bearingDeg,
  ...fields,
});

export class GpsWorker {
  readonly stats: GpsWorkerStats = {
    fixesRead: 0,
    rowsStored: 0,
    rejected: 0,
    badEntries: 0,
    skippedStored: 0,
    failedBatches: 0,
  };
  private running = true;
  private loop: Promise<void> = Promise.resolve();
  private readonly reader: Redis;
  private readonly stream: FixStream;
  private readonly streamKey: string;
  private readonly devices: DeviceDirectory;
  private readonly filterStates: FilterStateStore;
  private readonly partitions: PartitionManager;
  private readonly publisher: BusPublisher;
  private readonly tally: RejectionTally;
  private readonly latest = new Map<number, BusState>();
  private lastFix = new Map<number, Date>();
  private readonly timers: NodeJS.Timeout[] = [];
  private engine!: TransitEngine;
  private feeds = '';
  private readonly now: () => Date;

  constructor(private readonly ctx: GpsWorkerContext) {
    this.now = ctx.now ?? (() => new Date());
    const keys = busKeys(ctx.queuePrefix);
    this.streamKey = keys.fixes;
    this.reader = duplicateConnection(ctx.redis);
    this.stream = new FixStream(this.reader, keys.fixes, ctx.config.consumer);
    this.devices = new DeviceDirectory(ctx.db, DEVICE_RELOAD_MS);
    this.filterStates = new FilterStateStore(ctx.redis, keys.filterState);
    this.partitions = new PartitionManager(ctx.db);
    this.publisher = new BusPublisher(ctx.redis, ctx.queuePrefix, ctx.config.publishMs, (err) =>
      ctx.log('warn', 'bus publish failed', { err: String(err) }),
    );
    this.tally = new RejectionTally(ctx.db, FIGURES_FLUSH_MS, (err) =>
      ctx.log('warn', 'rejection counts not written', { err: String(err) }),
    );
  }

  async start(): Promise<void> {
    const { config, log } = this.ctx;
    await this.maintain();
    await this.stream.init(await loadStoredUpTo(this.ctx.db, this.streamKey, config.consumer));
    this.feeds = await feedsVersion(this.ctx.db);
    this.engine = await startTransitEngine(
      { db: this.ctx.db, redis: this.ctx.redis, queuePrefix: this.ctx.queuePrefix, log, now: this.now },
      config.transit,
    );
    this.every(MAINTENANCE_MS, () => this.maintain());
    this.every(config.tickS * 1000, () => this.tick());
    this.every(FIGURES_FLUSH_MS, () => this.flushLastFix());
    this.every(FEED_CHECK_MS, () => this.reloadChangedFeeds());
    this.loop = this.run();
    log('info', 'GPS worker started', { consumer: config.consumer, transit: config.transit });
  }

  private every(ms: number, work: () => Promise<unknown>): void {
    this.timers.push(
      setInterval(
        () => work().catch((err) => this.ctx.log('warn', 'GPS periodic task failed', { err: String(err) })),
        ms,
      ),
    );
  }

  private async reloadChangedFeeds(): Promise<void> {
    const version = await feedsVersion(this.ctx.db);
    if (version === this.feeds) return;
    await this.engine.reload();
    this.feeds = version;
    this.ctx.log('info', 'GTFS feeds changed: transit model reloaded', { version });
  }

  private async maintain(): Promise<void> {
    const dropped = await this.partitions.maintain(
      this.now().getTime(),
      this.ctx.config.partitionDaysAhead,
      this.ctx.config.retentionDays,
    );
    if (dropped.length > 0) this.ctx.log('info', 'dropped expired GPS partitions', { dropped });
  }

  /**
   * Three stages in flight: while one batch is copied into PostGIS, the one before is announced and acknowledged and
   * the next is read and filtered. Each stage handles batches in stream order, one at a time.
   */
  private async run(): Promise<void> {
    const { config, log } = this.ctx;
    let storing: Promise<void> = Promise.resolve();
    let announcing: Promise<void> = Promise.resolve();
    while (this.running) {
      try {
        const batch = await this.stream.read(config.batchRows, config.flushMs, 1000);
        if (this.stream.skippedStored > this.stats.skippedStored) {
          log('info', 'acknowledged GPS stream entries stored before their acknowledgement was lost', {
            entries: this.stream.skippedStored - this.stats.skippedStored,
          });
          this.stats.skippedStored = this.stream.skippedStored;
        }
        if (batch.ids.length === 0) continue;
        const prepared = await this.filter(batch);
        await storing;
        storing = this.store(prepared).then((stored) => {
          announcing = announcing.then(() =>
            stored ? this.announce(prepared) : this.stream.ack(batch.ids).catch(() => undefined),
          );
        });
      } catch (error) {
        log('warn', 'reading or filtering GPS fixes failed', { err: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // Once the batches in flight are acknowledged, what is still pending is what failed here: read it again.
        await storing;
        await announcing;
        this.stream.rewind();
      }
    }
    await storing;
    await announcing;
  }

  /** The filters advance each device's state in memory at once, so the next batch is judged against this one. */
  private async filter(batch: FixBatch): Promise<Prepared> {
    const nowMs = this.now().getTime();
    const bindings = await this.devices.resolve(
      batch.fixes.map((f) => f.fix.deviceId),
      nowMs,
    );
    const deviceIds = batch.fixes
      .map((f) => bindings.get(f.fix.deviceId)?.deviceId)
      .filter((id): id is number => id !== undefined);
    const states = await this.filterStates.load(deviceIds);
    const { config } = this.ctx;
    const stage = runFilters(batch.fixes, bindings, states, nowMs, {
      maxSpeedKmh: config.maxSpeedKmh,
      maxAgeMs: config.maxAgeDays * 86_400_000,
      futureToleranceMs: config.futureToleranceS * 1000,
      jumpResetCount: config.jumpResetCount,
    });
    this.filterStates.apply(stage.states);
    const days = new Set(stage.rows.map((r) => bangkokDay(Date.parse(r.fixTime))));
    return { batch, stage, days, lines: copyLines(stage.rows) };
  }

  /** COPY until stored, retried with backoff; false when the batch had to be given up. Never throws. */
  private async store({ batch, stage, days, lines }: Prepared): Promise<boolean> {
    const lastId = batch.ids.reduce((last, id) => (compareStreamIds(id, last) > 0 ? id : last));
    const progress = { stream: this.streamKey, consumer: this.ctx.config.consumer, lastId };
    for (let attempt = 0; ; attempt++) {
      try {
        await this.partitions.ensure(days);
        await copyPositions(this.ctx.db, lines, progress);
        this.stream.markStored(lastId);
        return true;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        this.stats.failedBatches++;
        this.ctx.log('error', 'storing GPS fixes failed', {
          err: String(error),
          code,
          attempt,
          rows: stage.rows.length,
        });
        if ((DATA_ERROR.test(code) && attempt >= 4) || (!this.running && attempt >= 2)) {
          this.ctx.log('error', 'dropping a GPS batch that could not be stored', { rows: stage.rows.length });
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, backoffDelayMs(attempt, 0.5, 10)));
      }
    }
  }

  /** After the COPY: engine, live state, figures, the filter states for a restart, and the stream acknowledgement. */
  private async announce({ batch, stage }: Prepared): Promise<void> {
    this.afterStored(batch, stage);
    const pipeline = this.ctx.redis.pipeline();
    this.filterStates.save(stage.states, pipeline);
    await pipeline
      .exec()
      .catch((err) => this.ctx.log('warn', 'GPS filter states not saved', { err: String(err) }));
    await this.stream
      .ack(batch.ids)
      .catch((err) => this.ctx.log('warn', 'GPS stream ack failed', { err: String(err) }));
  }

  private afterStored(batch: FixBatch, stage: StageResult): void {
    this.stats.fixesRead += batch.fixes.length;
    this.stats.rowsStored += stage.rows.length;
    this.stats.rejected += stage.rejections.length;
    this.stats.badEntries += batch.bad;
    if (batch.bad > 0) this.ctx.log('warn', 'skipped unreadable GPS stream entries', { count: batch.bad });
    for (const { deviceId, reason } of stage.rejections) this.tally.add(deviceId, reason);
    for (const [deviceId, t] of stage.lastFix) {
      if (t > (this.lastFix.get(deviceId)?.getTime() ?? 0)) this.lastFix.set(deviceId, new Date(t));
    }
    for (const { binding, fix, t } of stage.current) {
      if (binding.vehicleId === null) continue;
      let fields = UNASSIGNED;
      try {
        fields = this.engine.onFix({
          vehicleId: binding.vehicleId,
          deviceId: binding.deviceId,
          lon: fix.lon,
          lat: fix.lat,
          fixTime: new Date(t),
          speedKmh: fix.speedKmh,
          bearingDeg: fix.bearingDeg,
        });
      } catch (error) {
        this.ctx.log('warn', 'transit engine refused a fix', {
          err: String(error),
          vehicleId: binding.vehicleId,
        });
      }
      const state = toBusState(binding, fix, t, fields);
      this.latest.set(state.vehicleId, state);
      this.publisher.upsert(state);
    }
  }

  private async tick(): Promise<void> {
    for (const { vehicleId, fields } of await this.engine.tick(this.now())) {
      const known = this.latest.get(vehicleId);
      if (!known) continue;
      const state = { ...known, ...fields };
      this.latest.set(vehicleId, state);
      this.publisher.upsert(state);
    }
  }

  private async flushLastFix(): Promise<void> {
    if (this.lastFix.size === 0) return;
    const batch = this.lastFix;
    this.lastFix = new Map();
    await touchLastFix(this.ctx.db, batch);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearInterval(timer);
    await this.loop;
    await this.publisher.close();
    await this.tally.close();
    await this.flushLastFix().catch(() => undefined);
    await this.engine?.close();
    this.reader.disconnect();
  }
}
