// A redis-server of a test's own, on its own port, to kill and start again (optionally append-only in a folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './tcp-proxy';

export interface RedisProcess {
  url: string;
  start(): Promise<void>;
  /** SIGKILL, as a crash: what was not written to the append-only file is gone. */
  kill(): Promise<void>;
}

/**
 * `appendOnlyDir`: persist every write to an append-only file there (as a deployment runs Redis), so a restart
 * gets back what it had; without it a restart starts empty.
 */
export async function redisProcess(options: { appendOnlyDir?: string } = {}): Promise<RedisProcess> {
  const port = await freePort();
  const persistence = options.appendOnlyDir
    ? ['--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', options.appendOnlyDir]
    : ['--appendonly', 'no'];
  let child: ChildProcess | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      // The test runner's preload (if any) is not for redis-server.
      const { LD_PRELOAD: _preload, ...env } = process.env;
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence],
        { env, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      child = started;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`redis-server not ready: ${output.slice(-300)}`)),
          10_000,
        );
        started.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) {
            clearTimeout(timer);
            resolve();
          }
        });
        started.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited (${code}): ${output.slice(-300)}`));
        });
      });
    },
    async kill() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      child = null;
    },
  };
}
