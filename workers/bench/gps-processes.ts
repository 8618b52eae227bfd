// The GPS benchmark's real processes: the server and the GPS worker, each started as in production (tsx, own process).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { processCpuSeconds } from './bench-media';

const TSX = path.join('node_modules', '.bin', 'tsx');

export interface BenchProcess {
  child: ChildProcess;
  /** CPU seconds used so far (user + system), from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });

export function startProcess(name: string, script: string, env: NodeJS.ProcessEnv): BenchProcess {
  const logDir = path.join(process.env.TOC_DATA_DIR ?? '.data-bench', 'logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `bench-gps-${name}.log`));
  const child = spawn(TSX, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return {
    child,
    cpuSeconds() {
      // tsx runs the script in a child node process: count the whole tree's direct children too.
      const pids = [child.pid!, ...childPids(child.pid!)];
      return pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export async function waitForReady(url: string, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready at ${url} after ${seconds} s`);
}
