// The scale benchmark's table: one row per step, and the capacity of each process count.
import type { StepResult } from './scale-step';

const COLUMNS: [string, (r: StepResult) => string][] = [
  ['srv', (r) => String(r.servers)],
  ['wrk', (r) => String(r.workers)],
  ['cams', (r) => String(r.cameras)],
  ['running', (r) => String(r.running)],
  ['fps/cam', (r) => r.fpsPerCamera.toFixed(2)],
  ['skip%', (r) => r.skippedPct.toFixed(1)],
  ['late%', (r) => r.latePct.toFixed(1)],
  ['det%', (r) => r.detectPct.toFixed(0)],
  ['p50_ms', (r) => r.p50Ms.toFixed(0)],
  ['p95_ms', (r) => r.p95Ms.toFixed(0)],
  ['objs/s', (r) => r.objectsPerSPerClient.toFixed(0)],
  ['events/s', (r) => r.eventsPerS.toFixed(1)],
  ['ev_writes/s', (r) => r.eventWritesPerS.toFixed(1)],
  ['escal/s', (r) => r.escalationsPerS.toFixed(1)],
  ['series/s', (r) => r.seriesRowsPerS.toFixed(0)],
  ['pg_tx/s', (r) => r.pgCommitsPerS.toFixed(0)],
  ['pg_cpu%', (r) => r.pgCpuPct.toFixed(0)],
  ['redis_ops/s', (r) => r.redisOpsPerS.toFixed(0)],
  ['redis_cpu%', (r) => r.redisCpuPct.toFixed(0)],
  ['redis_MB', (r) => r.redisMemoryMb.toFixed(1)],
  ['srv_cpu%', (r) => r.serverCpuPct.toFixed(0)],
  ['wrk_cpu%', (r) => r.workerCpuPct.toFixed(0)],
  ['ok', (r) => (r.sustained ? 'yes' : 'NO')],
];

export const tableHeader = () => COLUMNS.map(([name]) => name.padStart(Math.max(5, name.length))).join(' ');

export const tableRow = (r: StepResult) =>
  COLUMNS.map(([name, cell]) => cell(r).padStart(Math.max(5, name.length))).join(' ');

export const TABLE_LEGEND = [
  'fps/cam: frames tracked and ruled per camera per second (target 5)',
  "skip%: frames replaced by a newer one while the camera's writes were pending",
  'late%: frames the busy process took too late (lost)',
  'det%: frames the motion gate sent to the (replayed) detector',
  'p50/p95: frame time → objects message on a socket.io client',
  'objs/s: objects messages per client',
  'events/s: rows added to events',
  'ev_writes/s: event inserts and updates (event_seq)',
  'escal/s: unacknowledged alarms escalated (nobody acknowledges here)',
  'series/s: crowd and line count rows',
  'pg_tx/s: commits in this database (PostgreSQL statistics, flushed by backends about once a second: jittery)',
  'pg_cpu%: its backends',
  'redis_*: the whole Redis instance (queue locks, stalled checks and the 30 s camera reconcile land in some windows)',
  'srv/wrk_cpu%: all server / worker processes (100 % = one core)',
].join('; ');

/** The largest sustained step of each process count (0 when none held). */
export function capacities(results: readonly StepResult[]): Map<number, StepResult | null> {
  const byCount = new Map<number, StepResult | null>();
  for (const r of results) {
    const best = byCount.get(r.workers) ?? null;
    if (!byCount.has(r.workers)) byCount.set(r.workers, null);
    if (r.sustained && (!best || r.cameras > best.cameras)) byCount.set(r.workers, r);
  }
  return byCount;
}
