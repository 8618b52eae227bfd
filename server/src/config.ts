// Process configuration from environment variables, validated once at start.
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { commaList } from './lib/comma-list';
import { normalizeOrigin } from './lib/origin';
import { parseAllowList } from './lib/outbound-allow-list';
import { parseSecretKeyring } from './secrets/secret-box';
import { loadRecordingConfig, type RecordingConfig } from './recording-config';
import { loadEvidenceConfig, type EvidenceConfig } from './evidence-config';
import { REPO_ROOT } from './repo-root';

export { REPO_ROOT };

const ConfigSchema = Type.Object({
  host: Type.String(),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  databaseUrl: Type.String({ pattern: '^postgres(ql)?://' }),
  redisUrl: Type.String({ pattern: '^rediss?://' }),
  /** A request waits this long for a database connection, then answers 503 (the database is unreachable or saturated). */
  dbConnectTimeoutSeconds: Type.Number({ exclusiveMinimum: 0 }),
  /**
   * A query waits this long for its answer, then fails (its connection dropped) and the request answers 503: a database
   * host that falls silent on open connections. 0: no limit (default: imports may run single long statements).
   */
  dbQueryTimeoutSeconds: Type.Number({ minimum: 0 }),
  sharedDir: Type.String(),
  webDistDir: Type.String(),
  snapshotDir: Type.String(),
  /** Redis key, queue and channel prefix: lets several deployments (or test runs) share one Redis. */
  queuePrefix: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
  trapImageMaxBytes: Type.Integer({ minimum: 1024 }),
  trapWaitSeconds: Type.Number({ minimum: 0 }),
  sessionTtlHours: Type.Number({ exclusiveMinimum: 0 }),
  /** Seals camera credentials at rest: 32 bytes in base64. Losing it means re-entering every camera's password. */
  cameraSecretKey: Type.String({ minLength: 43 }),
  /** During a key rotation, the keys used before (comma-separated): credentials under them still open and are sealed again. */
  cameraSecretKeyPrevious: Type.Array(Type.String({ minLength: 43 })),
  cookieSecure: Type.Boolean(),
  /**
   * Browser origins besides the server's own host that may use the session cookie (socket handshake, REST writes):
   * `ALLOWED_ORIGINS`, comma-separated, e.g. the public https origin when a proxy rewrites Host.
   */
  allowedOrigins: Type.Array(Type.String({ pattern: '^https?://[^/?#]+$' })),
  /** How often each server re-checks the sessions of its open sockets (expiry, logout elsewhere, disabled user). */
  socketSessionCheckSeconds: Type.Number({ exclusiveMinimum: 0 }),
  /** A session unused this long is refused like an expired one (fixed per session at sign-in). */
  sessionIdleMinutes: Type.Number({ minimum: 2 }),
  /** Failed sign-ins allowed per counting window: per account, per client address (IPv6: per /64), and overall. */
  loginMaxFailures: Type.Integer({ minimum: 1 }),
  loginMaxFailuresPerAddress: Type.Integer({ minimum: 1 }),
  loginMaxFailuresGlobal: Type.Integer({ minimum: 1 }),
  loginWindowSeconds: Type.Integer({ minimum: 1 }),
  /** The first lockout once a limit is reached; each further lockout of the same scope doubles it, up to the max. */
  loginLockoutSeconds: Type.Integer({ minimum: 1 }),
  loginLockoutMaxSeconds: Type.Integer({ minimum: 1 }),
  /** Origins the map may load raster tiles from (a deployment's VITE_TILE_URL), allowed by the Content-Security-Policy. */
  mapTileOrigins: Type.Array(Type.String({ pattern: "^https?://[^/?#\\s;,'*]+$" })),
  /**
   * `NOTIFY_ALLOWED_HOSTS`, comma-separated networks (`10.20.0.0/16`), addresses and host names on premises that
   * webhook targets may point at (with http and any port); everything else must be public https.
   */
  notifyAllowedHosts: Type.Array(Type.String({ minLength: 1 })),
  /** A GTFS upload that runs longer is stopped and rolled back (a zip bomb or a pathological feed). */
  gtfsImportTimeLimitSeconds: Type.Number({ exclusiveMinimum: 0 }),
  /** The upload request waits this long for its import: small feeds answer at once, bigger ones reply 202 with a job. */
  gtfsImportWaitSeconds: Type.Number({ minimum: 0 }),
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
  /** Recordings volume and retention (shared with the camera workers). */
  recording: Type.Unsafe<RecordingConfig>(Type.Object({})),
  /** Evidence packages, signing key, download links, overdue requests (shared with the export workers). */
  evidence: Type.Unsafe<EvidenceConfig>(Type.Object({})),
});
export type Config = Static<typeof ConfigSchema>;
const checkConfig = Compile(ConfigSchema);

const number = (value: string | undefined, fallback: number): number =>
  value === undefined || value === '' ? fallback : Number(value);

/** Comma-separated origins, normalized (`HTTPS://Host:443/` → `https://host`); a malformed one fails the schema. */
const originList = (value: string | undefined): string[] =>
  commaList(value).map((item) => normalizeOrigin(item) ?? item);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sharedDir = path.resolve(env.SHARED_DIR ?? path.join(REPO_ROOT, '..', 'shared'));
  const config: Config = {
    host: env.HOST ?? '127.0.0.1',
    port: number(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL ?? 'postgres://toc:toc@127.0.0.1:55432/toc',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:56379',
    dbConnectTimeoutSeconds: number(env.DB_CONNECT_TIMEOUT_S, 10),
    dbQueryTimeoutSeconds: number(env.DB_QUERY_TIMEOUT_S, 0),
    sharedDir,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'web', 'dist')),
    snapshotDir: path.resolve(env.SNAPSHOT_DIR ?? path.join(REPO_ROOT, '.data', 'snapshots')),
    queuePrefix: env.QUEUE_PREFIX ?? 'toc',
    trapImageMaxBytes: number(env.TRAP_IMAGE_MAX_BYTES, 8 * 1024 * 1024),
    trapWaitSeconds: number(env.TRAP_WAIT_SECONDS, 30),
    sessionTtlHours: number(env.SESSION_TTL_HOURS, 12),
    cameraSecretKey: env.CAMERA_SECRET_KEY ?? '',
    cameraSecretKeyPrevious: commaList(env.CAMERA_SECRET_KEY_PREVIOUS),
    cookieSecure: env.COOKIE_SECURE === 'true',
    allowedOrigins: originList(env.ALLOWED_ORIGINS),
    socketSessionCheckSeconds: number(env.SOCKET_SESSION_CHECK_S, 60),
    sessionIdleMinutes: number(env.SESSION_IDLE_MINUTES, 30),
    loginMaxFailures: number(env.LOGIN_MAX_FAILURES, 5),
    loginMaxFailuresPerAddress: number(env.LOGIN_MAX_FAILURES_PER_ADDRESS, 20),
    loginMaxFailuresGlobal: number(env.LOGIN_MAX_FAILURES_GLOBAL, 500),
    loginWindowSeconds: number(env.LOGIN_WINDOW_SECONDS, 900),
    loginLockoutSeconds: number(env.LOGIN_LOCKOUT_SECONDS, 900),
    loginLockoutMaxSeconds: number(env.LOGIN_LOCKOUT_MAX_SECONDS, 4 * 3600),
    mapTileOrigins: originList(env.MAP_TILE_ORIGINS),
    notifyAllowedHosts: commaList(env.NOTIFY_ALLOWED_HOSTS),
    gtfsImportTimeLimitSeconds: number(env.GTFS_IMPORT_TIME_LIMIT_S, 600),
    gtfsImportWaitSeconds: number(env.GTFS_IMPORT_WAIT_S, 15),
    metricsToken: env.METRICS_TOKEN ?? null,
    logLevel: env.LOG_LEVEL ?? 'info',
    gpsAuthCacheSeconds: number(env.GPS_AUTH_CACHE_S, 10),
    gpsOsmandBurst: number(env.GPS_OSMAND_BURST, 30),
    gpsOsmandPerSecond: number(env.GPS_OSMAND_PER_S, 5),
    gpsBatchBurst: number(env.GPS_BATCH_BURST, 600),
    gpsBatchPerSecond: number(env.GPS_BATCH_PER_S, 20),
    gpsBatchMaxFixes: number(env.GPS_BATCH_MAX_FIXES, 20_000),
    gpsStreamMaxLen: number(env.GPS_STREAM_MAXLEN, 100_000),
    recording: loadRecordingConfig(env),
    evidence: loadEvidenceConfig(env),
  };
  parseSecretKeyring(config.cameraSecretKey, config.cameraSecretKeyPrevious); // says how to make one when one is missing or malformed
  if (!checkConfig.Check(config)) {
    const problems = [...checkConfig.Errors(config)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  parseAllowList(config.notifyAllowedHosts); // throws on an entry that is no network, address or host name
  if (config.loginLockoutMaxSeconds < config.loginLockoutSeconds) {
    throw new Error(
      'Invalid configuration: LOGIN_LOCKOUT_MAX_SECONDS must not be less than LOGIN_LOCKOUT_SECONDS',
    );
  }

  return config;
}
