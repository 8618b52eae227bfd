// The real system for the web benchmark: builds the web app into the bench's data folder, seeds the demo into the
// services that with-services.sh started, and runs the server (no camera worker) as its own process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface BenchServer {
  baseUrl: string;
  /** The built web app the server serves (the bench's own copy, so web/dist of a running system is untouched). */
  webDistDir: string;
  operatorPassword: string;
  /** The server's QUEUE_PREFIX: its Redis keys and pub/sub channels are under it. */
  queuePrefix: string;
  stop(): Promise<void>;
}

const TSX = path.join('node_modules', '.bin', 'tsx');

async function waitForReady(url: string, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready at ${url} after ${seconds} s`);
}

export async function startBenchServer(options: { port: number; buildWeb: boolean }): Promise<BenchServer> {
  const dataDir = process.env.TOC_DATA_DIR ?? '.data-bench';
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const webDistDir = path.resolve(dataDir, 'web-dist');
  if (options.buildWeb) {
    console.log('building the web app…');
    const vite = path.resolve('node_modules', '.bin', 'vite');
    const build = spawnSync(vite, ['build', '--outDir', webDistDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: 'web', stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('web build failed');
  }
  const passwords = Object.fromEntries(
    ['ADMIN', 'OPERATOR', 'POLICE', 'PLANNER', 'VIEWER'].map((user) => [`TOC_PASSWORD_${user}`, randomBytes(9).toString('base64url')]),
  );
  const queuePrefix = process.env.QUEUE_PREFIX ?? 'toc';
  const env = {
    ...process.env,
    ...passwords,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SNAPSHOT_DIR: path.join(dataDir, 'snapshots'),
    WEB_DIST_DIR: webDistDir,
  };
  // TOC_DEMO: the bench signs in with these passwords as they are, like the demo.
  const seed = spawnSync(TSX, ['server/src/db/seed.cli.ts'], { env: { ...env, TOC_DEMO: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (seed.status !== 0) throw new Error('seeding the demo failed');

  const log = createWriteStream(path.join(logDir, 'bench-web-server.log'));
  const server: ChildProcess = spawn(TSX, ['server/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  await waitForReady(`${baseUrl}/readyz`, 60);
  return {
    baseUrl,
    webDistDir,
    operatorPassword: passwords.TOC_PASSWORD_OPERATOR!,
    queuePrefix,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    },
  };
}
