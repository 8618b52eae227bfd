// Medium-test camera workers as real processes (`node --import tsx`, so SIGKILL kills the worker itself), with
// their output kept for the failure message, and the camera state a worker reports.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@toc/server/config';
import type { Queryable } from '@toc/server/db/pool';
import { findCamera } from '@toc/server/repositories/cameras.repository';
import type { Camera } from '@toc/server/schemas';

export interface WorkerProcess {
  workerId: string;
  child: ChildProcess;
  /** Everything it printed, one entry per chunk. */
  output: string[];
}

/** Starts `workers/src/main.ts` with the test's environment plus `env`. */
export function startWorkerProcess(workerId: string, env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, WORKER_ID: workerId, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(`${workerId}: ${d.toString().trim()}`));
  child.stderr!.on('data', (d: Buffer) => output.push(`${workerId}: ${d.toString().trim()}`));
  return { workerId, child, output };
}

/** The camera runs on `workerId`: online, reporting from there, with a frame in the last few seconds. */
export const runningOn =
  (db: Queryable, cameraId: number, workerId: string) => async (): Promise<Camera | null> => {
    const camera = await findCamera(db, cameraId);
    const fresh = camera?.health?.lastFrameAt && Date.now() - Date.parse(camera.health.lastFrameAt) < 3000;
    return camera?.status === 'online' && camera.health?.workerId === workerId && fresh ? camera : null;
  };

/** The ffmpeg processes a worker runs (readers and recorders): two runs of one camera show as twice as many. */
export async function ffmpegChildren(worker: WorkerProcess): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', [
    '-o',
    'comm=',
    '--ppid',
    String(worker.child.pid),
  ]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((name) => name.trim() === 'ffmpeg').length;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
  timeoutMs: number,
  output: () => string[] = () => [],
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) {
      throw new Error(
        `${what} not reached within ${timeoutMs} ms; output: ${output().slice(-8).join(' | ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
