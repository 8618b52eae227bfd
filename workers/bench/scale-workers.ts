// The simulated-camera worker processes of one scale step, and the frame counters they report over IPC.
import type { ReplayCounters } from './scale-camera';
import { startScaleProcess, type ScaleProcess } from './scale-processes';

interface CounterReport {
  kind: 'counters';
  /** Date.now() in the worker when it took the counters. */
  at: number;
  counters: ReplayCounters;
}

const isReport = (message: unknown): message is CounterReport =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'counters';

/** Frame rates over a window, summed over the workers (each from its own two reports). */
export interface FrameRates {
  running: number;
  framesInPerS: number;
  processedPerS: number;
  detectedPerS: number;
  skippedPerS: number;
  latePerS: number;
  errors: number;
}

export class ScaleWorkers {
  private readonly latest = new Map<string, CounterReport>();

  private constructor(readonly processes: ScaleProcess[]) {}

  /** `count` workers sharing `cameras` cameras: each takes its share (rounded up), its start allowance and ceiling. */
  static start(count: number, cameras: number, env: NodeJS.ProcessEnv): ScaleWorkers {
    const processes: ScaleProcess[] = [];
    const workers = new ScaleWorkers(processes);
    for (let i = 1; i <= count; i++) {
      const name = `worker-${i}`;
      processes.push(
        startScaleProcess(
          name,
          'workers/bench/scale-worker.ts',
          {
            ...env,
            WORKER_ID: `scale-${name}`,
            WORKER_CAMERA_START: String(Math.ceil(cameras / count)),
            WORKER_CAMERA_CAPACITY: String(Math.ceil(cameras / count)),
          },
          (message) => {
            if (isReport(message)) workers.latest.set(name, message);
          },
        ),
      );
    }
    return workers;
  }

  snapshot(): Map<string, CounterReport> {
    return new Map(this.latest);
  }

  running(): number {
    return [...this.latest.values()].reduce((sum, r) => sum + r.counters.running, 0);
  }

  /** Waits until the workers run `cameras` cameras between them (their jobs taken from the queue). */
  async waitRunning(cameras: number, timeoutMs: number): Promise<boolean> {
    for (const end = Date.now() + timeoutMs; Date.now() < end;) {
      const exited = this.processes.find((p) => p.child.exitCode !== null);
      if (exited) throw new Error(`${exited.name} exited with code ${exited.child.exitCode} (see its log)`);
      if (this.running() >= cameras) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }

  cpuSeconds(): number {
    return this.processes.reduce((sum, p) => sum + p.cpuSeconds(), 0);
  }

  /**
   * Stops the workers as Kubernetes would (SIGTERM: each hands its cameras back, writes flushed) and prints how long
   * the slowest took with the cameras it ran: the hand-back under load.
   */
  async stop(): Promise<void> {
    const cameras = this.running();
    const stops = await Promise.all(this.processes.map((p) => p.stop()));
    const slowest = Math.max(...stops.map((s) => s.seconds));
    const killed = stops.filter((s) => s.killed).length;
    console.log(
      `hand-back: ${this.processes.length} worker(s) running ${cameras} cameras stopped ${slowest.toFixed(1)} s after SIGTERM` +
        (killed ? `; ${killed} killed after the grace time` : ''),
    );
  }
}

export function frameRates(
  before: Map<string, CounterReport>,
  after: Map<string, CounterReport>,
): FrameRates {
  const rates: FrameRates = {
    running: 0,
    framesInPerS: 0,
    processedPerS: 0,
    detectedPerS: 0,
    skippedPerS: 0,
    latePerS: 0,
    errors: 0,
  };
  for (const [name, end] of after) {
    const start = before.get(name);
    rates.running += end.counters.running;
    if (!start || end.at <= start.at) continue;
    const seconds = (end.at - start.at) / 1000;
    const rate = (key: keyof ReplayCounters) => (end.counters[key] - start.counters[key]) / seconds;
    rates.framesInPerS += rate('framesIn');
    rates.processedPerS += rate('processed');
    rates.detectedPerS += rate('detected');
    rates.skippedPerS += rate('skipped');
    rates.latePerS += rate('late');
    rates.errors += end.counters.errors - start.counters.errors;
  }
  return rates;
}
