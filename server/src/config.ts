// Process configuration from environment variables, validated once at start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const ConfigSchema = Type.Object({
  host: Type.String(),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  databaseUrl: Type.String({ pattern: '^postgres(ql)?://' }),
  redisUrl: Type.String({ pattern: '^rediss?://' }),
  sharedDir: Type.String(),
  webDistDir: Type.String(),
  snapshotDir: Type.String(),
  /** BullMQ key prefix: lets several deployments (or test runs) share one Redis. */
  queuePrefix: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
  trapImageMaxBytes: Type.Integer({ minimum: 1024 }),
  trapWaitSeconds: Type.Number({ minimum: 0 }),
  sessionTtlHours: Type.Number({ exclusiveMinimum: 0 }),
  cookieSecure: Type.Boolean(),
  loginMaxFailures: Type.Integer({ minimum: 1 }),
  loginLockoutSeconds: Type.Integer({ minimum: 1 }),
  metricsToken: Type.Union([Type.String({ minLength: 16 }), Type.Null()]),
  logLevel: Type.String(),
  /** GPS ingest: how long a device's row (and key hash) is trusted from memory before it is read again. */
  gpsAuthCacheSeconds: Type.Number({ minimum: 0 }),
  /** Per-device token buckets: OsmAnd counts requests, the JSON batch counts fixes. */
  gpsOsmandBurst: Type.Number({ minimum: 1 }),
  gpsOsmandPerSecond: Type.Number({ exclusiveMinimum: 0 }),
  gpsBatchBurst: Type.Number({ minimum: 1 }),
  gpsBatchPerSecond: Type.Number({ exclusiveMinimum: 0 }),
  gpsBatchMaxFixes: Type.Integer({ minimum: 1 }),
  /** Approximate cap of the fixes stream (entries, one per request) should the GPS worker fall behind. */
  gpsStreamMaxLen: Type.Integer({ minimum: 100 }),
});
export type Config = Static<typeof ConfigSchema>;
const checkConfig = Compile(ConfigSchema);

const number = (value: string | undefined, fallback: number): number =>
  value === undefined || value === '' ? fallback : Number(value);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sharedDir = path.resolve(env.SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared'));
  const config: Config = {
    host: env.HOST ?? '127.0.0.1',
    port: number(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL ?? 'postgres://toc:toc@127.0.0.1:55432/toc',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:56379',
    sharedDir,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'web', 'dist')),
    snapshotDir: path.resolve(env.SNAPSHOT_DIR ?? path.join(REPO_ROOT, '.data', 'snapshots')),
    queuePrefix: env.QUEUE_PREFIX ?? 'toc',
    trapImageMaxBytes: number(env.TRAP_IMAGE_MAX_BYTES, 8 * 1024 * 1024),
    trapWaitSeconds: number(env.TRAP_WAIT_SECONDS, 30),
    sessionTtlHours: number(env.SESSION_TTL_HOURS, 12),
    cookieSecure: env.COOKIE_SECURE === 'true',
    loginMaxFailures: number(env.LOGIN_MAX_FAILURES, 5),
    loginLockoutSeconds: number(env.LOGIN_LOCKOUT_SECONDS, 900),
    metricsToken: env.METRICS_TOKEN ?? null,
    logLevel: env.LOG_LEVEL ?? 'info',
    gpsAuthCacheSeconds: number(env.GPS_AUTH_CACHE_S, 10),
    gpsOsmandBurst: number(env.GPS_OSMAND_BURST, 30),
    gpsOsmandPerSecond: number(env.GPS_OSMAND_PER_S, 5),
    gpsBatchBurst: number(env.GPS_BATCH_BURST, 600),
    gpsBatchPerSecond: number(env.GPS_BATCH_PER_S, 20),
    gpsBatchMaxFixes: number(env.GPS_BATCH_MAX_FIXES, 20_000),
    gpsStreamMaxLen: number(env.GPS_STREAM_MAXLEN, 100_000),
  };
  if (!checkConfig.Check(config)) {
    const problems = [...checkConfig.Errors(config)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}
