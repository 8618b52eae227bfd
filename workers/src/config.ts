// Worker configuration from environment variables.
import { hostname } from 'node:os';

export interface WorkerConfig {
  workerId: string;
  databaseUrl: string;
  redisUrl: string;
  modelsDir: string | undefined;
  inferenceThreads: number;
  vehicleIntervalS: number;
  stallTimeoutS: number;
  probeTimeoutS: number;
  retryInitialS: number;
  retryMaxS: number;
  reconcileIntervalS: number;
}

const number = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const config: WorkerConfig = {
    workerId: env.WORKER_ID ?? `${hostname()}-${process.pid}`,
    databaseUrl: env.DATABASE_URL ?? 'postgres://toc:toc@127.0.0.1:55432/toc',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:56379',
    modelsDir: env.MODELS_DIR,
    inferenceThreads: number(env.INFERENCE_THREADS, 1),
    vehicleIntervalS: number(env.VEHICLE_INTERVAL_S, 10),
    stallTimeoutS: number(env.STALL_TIMEOUT_S, 10),
    probeTimeoutS: number(env.PROBE_TIMEOUT_S, 10),
    retryInitialS: number(env.RETRY_INITIAL_S, 2),
    retryMaxS: number(env.RETRY_MAX_S, 60),
    reconcileIntervalS: number(env.RECONCILE_INTERVAL_S, 30),
  };
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'number' && !(value > 0)) throw new Error(`Invalid worker configuration: ${key} must be > 0`);
  }
  return config;
}
