// Runs ffmpeg and ffprobe for exports: argument arrays (never a shell), progress from `-progress pipe:1`, abort kills.
// Plain spawn, not fluent-ffmpeg: the evidence records the exact argv, which fluent-ffmpeg would assemble itself.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Lines of ffmpeg's error output kept for the error message. */
const STDERR_TAIL_LINES = 12;
const PROBE_MAX_BUFFER = 64 * 1024 * 1024;

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** The signal's reason, or a standard AbortError when it gave none. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The export was aborted', 'AbortError');
}

export interface FfmpegRun {
  args: string[];
  /** Working directory: inputs written beside each other are named relatively in the arguments. */
  cwd?: string;
  signal?: AbortSignal;
  /** Variables added to this process's environment for ffmpeg. */
  env?: Record<string, string>;
  /** Output seconds expected, for the progress fraction. */
  expectedS?: number;
  onProgress?: (fraction: number) => void;
}

/**
 * Runs ffmpeg to the end. The arguments must include `-progress pipe:1` for progress to be reported: ffmpeg then
 * writes key=value blocks on stdout (`out_time_us`, then `progress=continue|end`). Rejects with the signal's reason
 * when aborted (ffmpeg is killed), with an FfmpegError when ffmpeg fails.
 */
export function runFfmpeg(run: FfmpegRun): Promise<void> {
  const { signal, onProgress, expectedS } = run;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const child = spawn('ffmpeg', run.args, {
      cwd: run.cwd,
      env: run.env ? { ...process.env, ...run.env } : process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // SIGKILL: a stopped export has nothing worth finishing, and ffmpeg may ignore SIGTERM while blocked on I/O.
    const kill = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', kill, { once: true });
    onProgress?.(0);

    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [key, value] = line.trim().split('=');
        if (key === 'out_time_us' && expectedS && Number.isFinite(Number(value)))
          onProgress?.(Math.min(1, Math.max(0, Number(value) / 1e6 / expectedS)));
        if (key === 'progress' && value === 'end') onProgress?.(1);
      }
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_384);
    });

    child.on('error', (error) => {
      signal?.removeEventListener('abort', kill);
      reject(new FfmpegError(`ffmpeg could not be started: ${error.message}`, ''));
    });
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', kill);
      if (signal?.aborted) return reject(abortReason(signal));
      if (code === 0) return resolve();
      const tail = stderr.trim().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
      reject(new FfmpegError(`ffmpeg failed (${killedBy ?? `exit ${code}`}): ${tail}`, stderr));
    });
  });
}

/** ffprobe's JSON for the given arguments (`-of json` is added). */
export async function ffprobeJson<T>(args: string[], signal?: AbortSignal, cwd?: string): Promise<T> {
  const { stdout } = await execFileAsync('ffprobe', ['-v', 'error', '-of', 'json', ...args], {
    cwd,
    signal,
    killSignal: 'SIGKILL',
    maxBuffer: PROBE_MAX_BUFFER,
  });
  return JSON.parse(stdout) as T;
}

let version: Promise<string> | null = null;

/** e.g. `ffmpeg 5.1.9-0+deb12u1`: the tool named in the evidence manifest. */
export function ffmpegTool(): Promise<string> {
  version ??= execFileAsync('ffmpeg', ['-hide_banner', '-version']).then(({ stdout }) => {
    const match = /^ffmpeg version (\S+)/.exec(stdout);
    return `ffmpeg ${match?.[1] ?? 'unknown'}`;
  });
  version.catch(() => (version = null));
  return version;
}
