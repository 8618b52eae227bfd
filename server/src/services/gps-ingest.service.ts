// GPS ingest: authenticates devices, parses and rate-limits their fixes, counts refusals, and queues each request as one stream entry.
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import type { Config } from '../config';
import { HttpError } from '../lib/http-error';
import { busKeys } from '../realtime/bus-keys';
import type { DeviceAuth } from '../repositories/gps-devices.repository';
import type { GpsBatchRequest, GpsFix, GpsIngestReply, GpsStreamEntry, OsmAndParams } from '../schemas';
import { DeviceAuthCache } from './gps/device-auth-cache';
import { parseBatchFix, parseOsmAnd, type Malformed } from './gps/fix-parse';
import { RejectionTally } from './gps/rejection-tally';
import { RedisTokenBuckets } from './gps/rate-limit';

export class RateLimitedError extends HttpError {
  constructor(
    readonly retryAfterS: number,
    devices: string[],
  ) {
    super(
      429,
      `Too many fixes from device ${devices.join(', ')}; slow down`,
      `อุปกรณ์ ${devices.join(', ')} ส่งตำแหน่งถี่เกินไป กรุณาลดความถี่`,
    );
  }
}

const unauthorized = () =>
  new HttpError(401, 'Unknown GPS device or wrong key', 'ไม่รู้จักอุปกรณ์ GPS หรือรหัสไม่ถูกต้อง');
const disabled = (id: string) =>
  new HttpError(403, `GPS device ${id} is disabled`, `อุปกรณ์ GPS ${id} ถูกปิดใช้งาน`);
const missingId = () => new HttpError(400, 'The device id (id) is missing', 'ไม่มีรหัสอุปกรณ์ (id)');
const malformed = (id: string, m: Malformed) =>
  new HttpError(400, `${m.reason} (device ${id})`, `${m.reasonTh} (อุปกรณ์ ${id})`);

export interface GpsIngestContext {
  db: Queryable;
  redis: Redis;
  config: Config;
  onError: (error: unknown) => void;
}

export class GpsIngest {
  readonly auth: DeviceAuthCache;
  private readonly osmandBuckets: RedisTokenBuckets;
  private readonly batchBuckets: RedisTokenBuckets;
  private readonly tally: RejectionTally;
  private readonly streamKey: string;

  constructor(private readonly ctx: GpsIngestContext) {
    const { config } = ctx;
    this.auth = new DeviceAuthCache(ctx.db, config.gpsAuthCacheSeconds * 1000);
    this.osmandBuckets = new RedisTokenBuckets(ctx.redis, config.queuePrefix, 'osmand', {
      burst: config.gpsOsmandBurst,
      perSecond: config.gpsOsmandPerSecond,
    });
    this.batchBuckets = new RedisTokenBuckets(ctx.redis, config.queuePrefix, 'batch', {
      burst: config.gpsBatchBurst,
      perSecond: config.gpsBatchPerSecond,
    });
    this.tally = new RejectionTally(ctx.db, 1000, ctx.onError);
    this.streamKey = busKeys(config.queuePrefix).fixes;
  }

  /** One OsmAnd request (GET query or POST form): one fix. */
  async osmand(
    params: OsmAndParams,
    headerKey: string | undefined,
    receivedAt = new Date(),
  ): Promise<GpsIngestReply> {
    const uniqueId = params.id ?? params.deviceid;
    if (!uniqueId) throw missingId();
    const device = await this.authenticate([{ uniqueId, key: params.key ?? headerKey }]);
    const parsed = parseOsmAnd(uniqueId, params, receivedAt);
    if ('malformed' in parsed) {
      this.tally.add(device[0]!.id, 'malformed');
      throw malformed(uniqueId, parsed.malformed);
    }
    await this.limit(this.osmandBuckets, device, new Map([[device[0]!.id, 1]]), receivedAt);
    await this.enqueue([parsed.fix], receivedAt);
    return { accepted: 1 };
  }

  /** A JSON batch: all of it is queued, or none of it (401, 400, 429). */
  async batch(body: GpsBatchRequest, receivedAt = new Date()): Promise<GpsIngestReply> {
    const total = body.devices.reduce((sum, d) => sum + d.fixes.length, 0);
    if (total > this.ctx.config.gpsBatchMaxFixes) {
      const max = this.ctx.config.gpsBatchMaxFixes;
      throw new HttpError(413, `At most ${max} fixes per request`, `ส่งได้ไม่เกิน ${max} ตำแหน่งต่อคำขอ`);
    }
    const devices = await this.authenticate(body.devices.map((d) => ({ uniqueId: d.id, key: d.key })));
    const fixes: GpsFix[] = [];
    const wanted = new Map<number, number>();
    body.devices.forEach((entry, i) => {
      const device = devices[i]!;
      for (const raw of entry.fixes) {
        const parsed = parseBatchFix(entry.id, raw);
        if ('malformed' in parsed) {
          this.tally.add(device.id, 'malformed');
          throw malformed(entry.id, parsed.malformed);
        }
        fixes.push(parsed.fix);
      }
      wanted.set(device.id, (wanted.get(device.id) ?? 0) + entry.fixes.length);
    });
    await this.limit(this.batchBuckets, devices, wanted, receivedAt);
    await this.enqueue(fixes, receivedAt);
    return { accepted: fixes.length };
  }

  /** A batch whose shape failed validation: counts it against the device the bad fix belongs to, if that device signs in. */
  async countInvalidBatch(body: unknown, instancePath: string): Promise<void> {
    const index = /^\/devices\/(\d+)\/fixes\//.exec(instancePath)?.[1];
    const entry =
      index === undefined
        ? undefined
        : (body as { devices?: Array<{ id?: unknown; key?: unknown }> })?.devices?.[Number(index)];
    if (typeof entry?.id !== 'string' || typeof entry.key !== 'string') return;
    const [outcome] = await this.auth.authenticate([{ uniqueId: entry.id, key: entry.key }]);
    if (outcome && 'device' in outcome) this.tally.add(outcome.device.id, 'malformed');
  }

  private async authenticate(
    credentials: Array<{ uniqueId: string; key: string | undefined }>,
  ): Promise<DeviceAuth[]> {
    const outcomes = await this.auth.authenticate(credentials);
    return outcomes.map((outcome, i) => {
      if ('device' in outcome) return outcome.device;
      throw outcome.refused === 'disabled' ? disabled(credentials[i]!.uniqueId) : unauthorized();
    });
  }

  private async limit(
    buckets: RedisTokenBuckets,
    devices: DeviceAuth[],
    wanted: Map<number, number>,
    at: Date,
  ): Promise<void> {
    const short = await buckets.takeAll(wanted, at.getTime());
    if (short.size === 0) return;
    for (const id of short.keys()) this.tally.add(id, 'rate_limited', wanted.get(id));
    const names = devices.filter((d) => short.has(d.id)).map((d) => d.uniqueId);
    throw new RateLimitedError(Math.max(...short.values()), [...new Set(names)]);
  }

  private async enqueue(fixes: GpsFix[], receivedAt: Date): Promise<void> {
    const entry: GpsStreamEntry = { receivedAt: receivedAt.toISOString(), fixes };
    await this.ctx.redis.xadd(
      this.streamKey,
      'MAXLEN',
      '~',
      this.ctx.config.gpsStreamMaxLen,
      '*',
      'fixes',
      JSON.stringify(entry),
    );
  }

  close(): Promise<void> {
    return this.tally.close();
  }
}
