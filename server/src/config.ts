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
  };
  if (!checkConfig.Check(config)) {
    const problems = [...checkConfig.Errors(config)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}
