// The scale benchmark's real processes: servers (server/src/main.ts) and simulated-camera workers, each its own
// `node --import tsx` process (so /proc shows its CPU), logging to the bench data folder; workers talk over IPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { processCpuSeconds } from './bench-media';
import { REPO_ROOT } from '@toc/server/config';

/** A worker hands every camera back (writes flushed, jobs moved to wait) before it exits: hundreds take a while. */
const STOP_GRACE_MS = 30_000;

export interface ScaleProcess {
  name: string;
  child: ChildProcess;
  /** CPU seconds used so far (user + system). */
  cpuSeconds(): number;
  /** SIGTERM, then SIGKILL after the grace time: the seconds it took to exit, and whether it had to be killed. */
  stop(): Promise<{ seconds: number; killed: boolean }>;
}

export function startScaleProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  onMessage?: (message: unknown) => void,
): ScaleProcess {
  const logDir = path.join(process.env.TOC_DATA_DIR ?? path.join(REPO_ROOT, '.data-bench'), 'logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `bench-scale-${name}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  if (onMessage) child.on('message', onMessage);
  return {
    name,
    child,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    async stop() {
      const started = performance.now();
      const took = () => (performance.now() - started) / 1000;
      if (child.exitCode !== null || child.signalCode !== null) return { seconds: 0, killed: false };
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS))]);
      if (child.exitCode !== null || child.signalCode !== null) return { seconds: took(), killed: false };
      console.warn(`${name} did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM: killed`);
      child.kill('SIGKILL');
      await exited;
      return { seconds: took(), killed: true };
    },
  };
}
