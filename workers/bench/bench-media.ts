// The real clips and model the benchmarks run on, and small helpers they share.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sharedDir } from '@toc/models';

export const MODEL = 'yolox_nano_416';
export const STREET = {
  file: path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4'),
  width: 640,
  height: 360,
};
export const PEDESTRIANS = {
  file: path.join(sharedDir(), 'media', 'opencv_vtest.avi'),
  width: 768,
  height: 576,
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/**
 * CPU seconds of this process and of its finished children (ffmpeg, ffprobe), from /proc (Linux): how much of two
 * cores an arm used. A child still running (the export's Chromium) is not counted until it exits.
 */
export async function cpuSeconds(): Promise<{ own: number; children: number }> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  // Fields after the command name (which may contain spaces): utime is the 14th field, cutime the 16th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = (i: number) => Number(fields[i - 3]) / 100;
  return { own: ticks(14) + ticks(15), children: ticks(16) + ticks(17) };
}

/** CPU seconds (user + system) of one process, from /proc (Linux); 0 when it is gone or not readable. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
